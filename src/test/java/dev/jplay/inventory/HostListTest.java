package dev.jplay.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.source.Decrypter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host lists and ranges as ansible 2.14's host_list and advanced_host_list plugins read them (ansible --list-hosts). */
class HostListTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    private List<String> hosts(String source, String... plugins) {
        Inventory inv = Inventory.load(List.of(source), dir, new Inventory.Setup(warnings::add, (level, m) -> notes.add(level + " " + m),
                List.of(plugins), "never"), Decrypter.NONE);
        return inv.hosts().stream().map(Host::name).toList();
    }

    @Test
    void hostListKeepsBracketsAdvancedExpandsThem() {
        assertThat(hosts("local[0:2],", "host_list", "advanced_host_list")).containsExactly("local[0:2]");
        assertThat(hosts("local[0:2],b:2222", "ansible.builtin.advanced_host_list", "host_list")).containsExactly("local0", "local1", "local2", "b");
        assertThat(hosts("local100,local[100:106:2]", "advanced_host_list"))
                .containsExactly("local100", "local102", "local104", "local106");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPortAppliesToEveryHostOfARange() {
        Inventory inv = Inventory.load(List.of("w[1:2]:2222,"), dir, new Inventory.Setup(warnings::add, (l, m) -> { },
                List.of("advanced_host_list"), "never"), Decrypter.NONE);
        assertThat(inv.host("w2").vars()).containsEntry("ansible_port", 2222L);
    }

    @Test
    void aRangeWithoutEndIsLeftUnchangedWithANoteAtVvv() {
        assertThat(hosts("local[3:],", "advanced_host_list")).containsExactly("local[3:]");
        assertThat(notes).containsExactly("3 Unable to parse address from hostname, leaving unchanged: host range must specify end value");
    }

    @Test
    void aBoundThatIsNoNumberSkipsTheSourceWithAnsiblesWarnings() {
        assertThat(hosts("local[1:j],", "advanced_host_list")).isEmpty();
        assertThat(warnings).containsExactly(
                "\n* Failed to parse local[1:j], with advanced_host_list plugin: Invalid data from string, could not parse: "
                        + "invalid literal for int() with base 10: 'j'",
                "Unable to parse local[1:j], as an inventory source", "No inventory was parsed, only implicit localhost is available");
    }

    @Test
    void noHostListPluginEnabledMeansTheStringIsNoSource() {
        assertThat(hosts("a,b", "ini", "yaml")).isEmpty();
        assertThat(warnings).startsWith("Unable to parse a,b as an inventory source");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"web[01:03] | web01 web02 web03", "db-[a:c] | db-a db-b db-c", "n[0:6:3] | n0 n3 n6",
        "x[:1]y[1:2] | x0y1 x0y2 x1y1 x1y2", "h[Y:b] | ", "h[y:B] | hy hz hA hB"})
    void rangesExpandAsAnsible(String pattern, String names) {
        if (names == null) assertThatThrownBy(() -> Ranges.expand(pattern)).hasMessage("host range must have begin <= end");
        else assertThat(Ranges.expand(pattern)).containsExactly(names.split(" "));
    }

    @Test
    void badRangesAreNamed() {
        assertThatThrownBy(() -> Ranges.expand("w[01:100]")).isInstanceOf(Ranges.BadRange.class)
                .hasMessage("host range must specify equal-length begin and end formats");
        assertThatThrownBy(() -> Ranges.expand("w[1:2:3:4]")).isInstanceOf(Ranges.BadRange.class);
        assertThatThrownBy(() -> Ranges.expand("w[1:z]")).isNotInstanceOf(Ranges.BadRange.class)
                .hasMessage("invalid literal for int() with base 10: 'z'");
    }
}
