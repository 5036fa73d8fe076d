package dev.jplay.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Decrypter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An INI inventory read and selected from as ansible 2.14 does (expected hosts from `ansible PATTERN --list-hosts`). */
class InventoryTest {
    static final String HOSTS = InventoryTestData.HOSTS;

    @TempDir
    Path dir;
    Inventory inv;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("hosts"), HOSTS);
        inv = Inventory.load(List.of(dir.resolve("hosts").toString()), dir, warnings::add, Decrypter.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "all | lb web01 web02 web03 db1 db2", "web:&db | db1", "prod:!db | web01 web02 web03", "~web0[12] | web01 web02",
        "web[0] | web01", "web[1:] | web02 web03 db1", "web[-1] | db1", "db* | db1 db2", "ungrouped | lb", "lb,db2 | lb db2"})
    void patternsSelectAsAnsible(String pattern, String hosts) {
        assertThat(inv.select(pattern, warnings::add).stream().map(Host::name)).containsExactly(hosts.split(" "));
    }

    @Test
    void refreshReadsTheSourcesAgainAndKeepsAddHostAndGroupBy() throws IOException {
        Path f = dir.resolve("small");
        Files.writeString(f, "one\ntwo\n");
        Inventory small = Inventory.load(List.of(f.toString()), dir, warnings::add, Decrypter.NONE);
        small.addHost("yolo", List.of("extra"), java.util.Map.of("x", 1L));
        small.addToGroup("one", "odd", List.of());
        small.addToGroup("two", "even", List.of());
        Files.writeString(f, "two\nthree\n");
        small.refresh();
        assertThat(small.select("all", warnings::add).stream().map(Host::name)).containsExactlyInAnyOrder("two", "three", "yolo");
        assertThat(small.host("yolo").vars()).containsEntry("x", 1L);
        assertThat(small.groupsVar().get("even")).containsExactly("two");
        assertThat(small.groupsVar()).doesNotContainKey("odd"); // its host left the sources: that group_by is not replayed
    }

    @Test
    void rangesGroupsAndVariables() {
        assertThat(inv.host("web02").vars()).containsEntry("http_port", 8080L);
        assertThat(inv.host("lb").vars()).containsEntry("ansible_host", "10.0.0.1");
        assertThat(inv.groupNames(inv.host("db1"))).containsExactly("db", "prod", "web");
        assertThat(inv.group("prod").vars()).containsEntry("env", "prod");
        assertThat(inv.host("db2").loc().line()).isEqualTo(8);
        assertThat(warnings).isEmpty();
    }
}
