package dev.jplay.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Free-form text keeps its lines and spacing as Ansible's split_args/join_args do (e.g. a multi-line shell: |). */
class KeyValueTest {
    private static final Set<String> KNOWN = Set.of("chdir", "creates");

    @Test
    void multiLineScriptsStayMultiLine() {
        KeyValue.Parsed p = KeyValue.parse("set -e\nif [ -f a ]; then\n  echo  \"x  y\"\nfi\n", true, KNOWN);
        assertThat(p.freeForm()).isEqualTo("set -e\nif [ -f a ]; then\n  echo  \"x  y\"\nfi\n");
        assertThat(p.pairs()).isEmpty();
    }

    @Test
    void knownPairsLeaveTheirNeighboursJoinedByOneSpace() {
        KeyValue.Parsed p = KeyValue.parse("echo a creates=/x\necho b chdir=\"/tmp/my dir\"", true, KNOWN);
        assertThat(p.freeForm()).isEqualTo("echo a echo b");
        assertThat(p.pairs()).isEqualTo(Map.of("creates", "/x", "chdir", "/tmp/my dir"));
        assertThat(KeyValue.parse("echo a=b {{ x | default('a b') }}", true, KNOWN).freeForm()).isEqualTo("echo a=b {{ x | default('a b') }}");
    }
}
