package dev.jplay.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Decrypter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The constructed inventory plugin, its results checked against ansible-inventory 2.14 on the same sources. */
class ConstructedTest {
    static final String STATIC = "all:\n  hosts:\n    web1:\n      x: 1\n      tags: {name: web1, env: test, status: ''}\n"
            + "      roles: [db, '']\n    db1:\n      x: 2\n      tags: {}\n";

    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private Inventory load(String constructed) throws IOException {
        Files.writeString(dir.resolve("static.yml"), STATIC);
        Files.writeString(dir.resolve("c.yml"), constructed);
        return Inventory.load(List.of("static.yml", "c.yml"), dir, warnings::add, Decrypter.NONE);
    }

    private static List<String> hosts(Inventory inv, String group) {
        return inv.group(group) == null ? List.of() : inv.group(group).hosts();
    }

    @Test
    void composeThenGroupsThenKeyedGroups() throws IOException {
        Inventory inv = load("plugin: ansible.builtin.constructed\ncompose:\n  y: x + 10\n  z: '{\"a\": x}'\n  broken: nope.nope\n"
                + "groups:\n  web: inventory_hostname.startswith('web')\n  big: y | int > 11\n  bad: nope > 1\n"
                + "keyed_groups:\n  - key: z\n    prefix: zz\n    parent_group: \"{{ 'zparent' }}\"\n  - key: roles\n    default_value: none\n"
                + "  - key: tags\n    separator: '-'\n    prefix: tag\n  - key: tags\n    prefix: tt\n    trailing_separator: false\n");
        assertThat(warnings).isEmpty(); // the separator '-' is replaced silently, whatever TRANSFORM_INVALID_GROUP_CHARS says
        assertThat(inv.host("web1").vars()).containsEntry("y", "11").containsEntry("z", Map.of("a", 1L)).doesNotContainKey("broken");
        assertThat(hosts(inv, "web")).containsExactly("web1");
        assertThat(hosts(inv, "big")).containsExactly("db1");
        assertThat(inv.group("bad")).isNull();
        assertThat(hosts(inv, "zz_a_1")).containsExactly("web1");
        assertThat(hosts(inv, "zz_a_2")).containsExactly("db1");
        assertThat(inv.group("zparent").children()).containsExactly("zz_a_1", "zz_a_2");
        assertThat(hosts(inv, "_db")).containsExactly("web1");
        assertThat(hosts(inv, "_none")).containsExactly("web1");
        assertThat(hosts(inv, "tag_name_web1")).containsExactly("web1");
        assertThat(hosts(inv, "tag_status_")).containsExactly("web1");
        assertThat(hosts(inv, "tt_status")).containsExactly("web1");
        assertThat(inv.groups().stream().map(Group::name)).doesNotContain("tt_status_");
    }

    @Test
    void leadingSeparatorFalseDropsTheSeparatorWithoutAPrefix() throws IOException {
        Inventory inv = load("plugin: constructed\nleading_separator: false\nkeyed_groups:\n  - key: tags\n  - key: tags\n    prefix: p\n");
        assertThat(hosts(inv, "name_web1")).containsExactly("web1");
        assertThat(hosts(inv, "p_name_web1")).containsExactly("web1");
    }

    @Test
    void strictMakesAFailingExpressionFailTheSourceAsAnsible() throws IOException {
        Inventory inv = load("plugin: constructed\nstrict: true\ngroups:\n  bad: nope > 1\n");
        assertThat(inv.group("bad")).isNull();
        assertThat(warnings).singleElement().asString().contains("failed to parse").contains("Could not add host web1 to group bad:");
    }

    @Test
    void aKeyThatIsNoNameFailsTheSourceEvenWithoutStrict() throws IOException {
        load("plugin: constructed\nkeyed_groups:\n  - key: x\n");
        assertThat(warnings).singleElement().asString()
                .contains("Invalid group name format, expected a string or a list of them or dictionary, got: <class 'int'>");
    }

    @Test
    void useVarsPluginsSeesTheGroupAndHostVarsBesideEarlierSources() throws IOException {
        Files.createDirectories(dir.resolve("one/group_vars"));
        Files.createDirectories(dir.resolve("one/host_vars"));
        Files.writeString(dir.resolve("one/hosts.yml"), "all:\n  children:\n    stuff:\n      hosts:\n        testing:\n");
        Files.writeString(dir.resolve("one/group_vars/stuff.yml"), "iamdefined: group4testing\n");
        Files.writeString(dir.resolve("one/host_vars/testing.yml"), "hola: lola\n");
        String keyed = "keyed_groups:\n  - key: iamdefined\n    prefix: c\n  - key: hola\n    prefix: c\n";
        Files.writeString(dir.resolve("with.yml"), "plugin: constructed\nuse_vars_plugins: true\n" + keyed);
        Files.writeString(dir.resolve("without.yml"), "plugin: constructed\n" + keyed);
        Inventory with = Inventory.load(List.of("one/hosts.yml", "with.yml"), dir, warnings::add, Decrypter.NONE);
        assertThat(hosts(with, "c_group4testing")).containsExactly("testing");
        assertThat(hosts(with, "c_lola")).containsExactly("testing");
        Inventory without = Inventory.load(List.of("one/hosts.yml", "without.yml"), dir, warnings::add, Decrypter.NONE);
        assertThat(without.group("c_lola")).isNull();
        assertThat(warnings).isEmpty();
    }
}
