package dev.jplay.modules.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pexpect's split_command_line (4.8), word for word (each case checked with pexpect): its quirks are what Ansible's expect runs. */
class ExpectWordsTest {
    @Test
    void splitsLikePexpectNotLikeAShell() {
        assertThat(ExpectWords.split("passwd  alice")).containsExactly("passwd", "alice");
        assertThat(ExpectWords.split("/bin/sh -c 'echo \"$HOME\" a\\ b'")).containsExactly("/bin/sh", "-c", "echo \"$HOME\" a\\ b");
        assertThat(ExpectWords.split("a\\ b c")).containsExactly("a b", "c");
        // no escapes inside double quotes: the backslash stays and the quote after it closes the quotes
        assertThat(ExpectWords.split("sh -c \"echo \\\"c\\\"\"")).containsExactly("sh", "-c", "echo \\c\"");
        assertThat(ExpectWords.split("x '' y")).containsExactly("x", "", "y");
        assertThat(ExpectWords.split("x ''")).containsExactly("x");
        assertThat(ExpectWords.split(" x")).containsExactly("", "x");
        assertThat(ExpectWords.split("x ")).containsExactly("x");
    }
}
