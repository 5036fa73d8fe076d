package dev.jplay.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Free-form text keeps its lines and spacing as Ansible's split_args/join_args do (e.g. a multi-line shell: |). */
class KeyValueTest {
    @Test
    void multiLineScriptsStayMultiLine() {
        Map<String, Object> p = KeyValue.parse("set -e\nif [ -f a ]; then\n  echo  \"x  y\"\nfi\n", true);
        assertThat(p).isEqualTo(Map.of(KeyValue.RAW, "set -e\nif [ -f a ]; then\n  echo  \"x  y\"\nfi\n"));
    }

    @Test
    void knownPairsLeaveTheirNeighboursJoinedByOneSpace() {
        Map<String, Object> p = KeyValue.parse("echo a creates=/x\necho b chdir=\"/tmp/my dir\"", true);
        assertThat(p).isEqualTo(Map.of(KeyValue.RAW, "echo a echo b", "creates", "/x", "chdir", "/tmp/my dir"));
        assertThat(KeyValue.parse("echo a=b {{ x | default('a b') }}", true).get(KeyValue.RAW)).isEqualTo("echo a=b {{ x | default('a b') }}");
    }

    @Test
    void escapesDecodeAndAnEscapeBeyondUnicodeStaysAsWritten() {
        assertThat(KeyValue.parse("msg=a\\x41\\u00e9\\U0001F600", false)).isEqualTo(Map.of("msg", "aA\u00e9\uD83D\uDE00"));
        // Python fails on these ('illegal Unicode character'); jplay keeps them, as an unknown \N{name}, rather than stop unlocated
        assertThat(KeyValue.parse("msg=a\\U00110000b", false)).isEqualTo(Map.of("msg", "a\\U00110000b"));
        assertThat(KeyValue.parse("msg=\\UFFFFFFFF", false)).isEqualTo(Map.of("msg", "\\UFFFFFFFF"));
    }
}
