package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ShellWords splits as Python's shlex.split (each expectation recorded from Python 3.11). */
class ShellWordsTest {
    @Test
    void splitsAsShlex() {
        assertThat(ShellWords.split("a b  c")).containsExactly("a", "b", "c");
        assertThat(ShellWords.split("'a b' c")).containsExactly("a b", "c");
        assertThat(ShellWords.split("\"a \\\"b\\\" c\"")).containsExactly("a \"b\" c");
        assertThat(ShellWords.split("a\\ b")).containsExactly("a b");
        assertThat(ShellWords.split("a'b c'd")).containsExactly("ab cd");
        assertThat(ShellWords.split("-o ProxyCommand=\"ssh -W %h:%p bastion\"")).containsExactly("-o", "ProxyCommand=ssh -W %h:%p bastion");
        assertThat(ShellWords.split("''")).containsExactly("");
        assertThat(ShellWords.split("\"\"")).containsExactly("");
        assertThat(ShellWords.split("tab\there")).containsExactly("tab", "here");
        assertThat(ShellWords.split("  ")).isEmpty();
    }

    @Test
    void insideDoubleQuotesABackslashEscapesOnlyAQuoteOrABackslash() {
        assertThat(ShellWords.split("\"a\\$b\"")).containsExactly("a\\$b");
        assertThat(ShellWords.split("\"a\\nb\"")).containsExactly("a\\nb");
        assertThat(ShellWords.split("\"a\\`b\"")).containsExactly("a\\`b");
        assertThat(ShellWords.split("\"\\\\\"")).containsExactly("\\");
        assertThat(ShellWords.split("'a\\'")).isEqualTo(List.of("a\\"));
    }

    @Test
    void unfinishedInputIsRefusedAsShlexDoes() {
        assertThatThrownBy(() -> ShellWords.split("'a b")).hasMessage("No closing quotation");
        assertThatThrownBy(() -> ShellWords.split("x\\")).hasMessage("No escaped character");
    }
}
