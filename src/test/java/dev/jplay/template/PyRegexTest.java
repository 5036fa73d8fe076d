package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Python patterns and replacements behave in Java as in Python's re (each expectation recorded from Python 3.11). */
class PyRegexTest {
    private static String sub(String pattern, String replacement, String s, boolean multiline) {
        return PyRegex.compile(pattern, false, multiline).matcher(s).replaceAll(PyRegex.replacement(replacement));
    }

    private static String sub(String pattern, String replacement, String s) {
        return sub(pattern, replacement, s, false);
    }

    @Test
    void groupsAndReplacements() {
        assertThat(sub("(?P<y>\\d{4})-(?P<m>\\d\\d)", "\\g<m>/\\g<y>", "2024-05 x")).isEqualTo("05/2024 x");
        assertThat(sub("(a)(b)", "\\2\\1", "ab ab")).isEqualTo("ba ba");
        assertThat(sub("(a)", "\\g<1>0", "a")).isEqualTo("a0");
        assertThat(sub("x", "$1\\\\", "x")).isEqualTo("$1\\");
        assertThat(sub("(\\w+)=(\\w+)", "\\2 \\n \\1", "k=v")).isEqualTo("v \n k");
        assertThat(sub("(?P<w>o)(?P=w)", "0", "foo")).isEqualTo("f0");
    }

    @Test
    void anchorsClassesAndLines() {
        assertThat(sub("end\\Z", "E", "the end")).isEqualTo("the E");
        assertThat(sub("^b", "B", "a\nb")).isEqualTo("a\nb");
        assertThat(sub("^b", "B", "a\nb", true)).isEqualTo("a\nB");
        assertThat(sub("\\w+", "-", "héllo wörld")).isEqualTo("- -");
        assertThat(sub(".", ".", "a\rb")).isEqualTo("...");
        assertThat(sub("a$", "A", "a\n")).isEqualTo("A\n");
        assertThat(sub("\\d", "#", "٣4")).isEqualTo("##");
        assertThat(PyRegex.compile("ABC", true, false).matcher("xabcx").find()).isTrue();
    }

    @Test
    void badPatternsAndReplacementsAreRefused() {
        assertThatThrownBy(() -> PyRegex.compile("(", false, false)).hasMessageStartingWith("bad regular expression '('");
        assertThatThrownBy(() -> PyRegex.compile("[a-", false, false)).hasMessageStartingWith("bad regular expression '[a-'");
        assertThatThrownBy(() -> PyRegex.replacement("\\q")).hasMessage("bad escape \\q at position 0");
        assertThatThrownBy(() -> PyRegex.replacement("\\g<x")).hasMessage("missing >, unterminated name at position 3");
    }
}
