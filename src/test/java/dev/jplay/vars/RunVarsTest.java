package dev.jplay.vars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.inventory.Inventory;
import dev.jplay.source.Decrypter;
import dev.jplay.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host's variables merged with Ansible's precedence (expected values from ansible-inventory --host and ansible -m debug). */
class RunVarsTest {
    @TempDir
    Path dir;

    private RunVars vars(Map<String, Object> extra) throws IOException {
        Files.writeString(dir.resolve("hosts"), dev.jplay.inventory.InventoryTestData.HOSTS);
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "region: eu\n");
        Inventory inv = Inventory.load(List.of(dir.resolve("hosts").toString()), dir, w -> { }, Decrypter.NONE);
        return new RunVars(inv, null, extra, Map.of(), new Templar(), Decrypter.NONE);
    }

    @Test
    void inventoryVariablesMergeAsAnsibleInventoryShowsThem() throws IOException {
        RunVars v = vars(Map.of());
        assertThat(v.inventoryVars("web02")).containsExactlyInAnyOrderEntriesOf(
                Map.of("env", "prod", "http_port", 8080L, "region", "eu", "tier", "front"));
        // db1 is in web and db, both as deep: the later name (web) wins
        assertThat(v.inventoryVars("db1")).containsEntry("tier", "front").containsEntry("http_port", 80L);
        assertThat(v.inventoryVars("db2")).containsEntry("tier", "back");
    }

    @Test
    void extraVarsWinAndMagicVariablesAreThere() throws IOException {
        VarScope s = vars(Map.of("tier", "x")).hostScope("web01");
        assertThat(s.get("tier")).isEqualTo("x");
        // extra vars reach into hostvars of other hosts too
        assertThat(s.get("group_names")).isEqualTo(List.of("prod", "web"));
        assertThat(s.get("inventory_hostname_short")).isEqualTo("web01");
        assertThat(s.get("inventory_dir")).isEqualTo(dir.toString());
        assertThat(new Templar().template("{{ hostvars['db2'].tier }}-{{ groups['db'] | join(',') }}", s.context())).isEqualTo("x-db1,db2");
    }

    @Test
    void theVarsMagicVariableHoldsAllTheVariables() throws IOException {
        VarScope s = vars(Map.of("tier", "x", "key", "tier")).hostScope("web01");
        Templar t = new Templar();
        assertThat(t.template("{{ vars['tier'] }}-{{ vars.inventory_hostname }}-{{ vars[key] }}", s.context())).isEqualTo("x-web01-x");
        assertThat(t.template("{{ vars.nope | default('d') }}-{{ 'tier' in vars }}", s.context())).isEqualTo("d-True");
        assertThat(t.template("{{ vars.item | default('no') }}-{{ item }}", s.with(Map.of("item", 1L)).context())).isEqualTo("no-1");
        assertThat(vars(Map.of("vars", "mine")).hostScope("web01").get("vars")).isEqualTo("mine");
    }

    @Test
    void hostvarsOfAHostHoldAllButHostvarsSoTheyCanBeDumped() throws IOException {
        RunVars v = vars(Map.of());
        v.state("db2").addFacts(Map.of("ansible_distribution", "Debian"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hostvars = (Map<String, Object>) v.hostScope("web01").get("hostvars");
        @SuppressWarnings("unchecked")
        Map<String, Object> db2 = (Map<String, Object>) hostvars.get("db2");
        // ansible-playbook 2.14: hostvars['db2'] has groups, facts and inventory variables, but not hostvars
        assertThat(db2).containsKeys("groups", "ansible_distribution", "tier").doesNotContainKey("hostvars");
        assertThat(hostvars.entrySet()).extracting(Map.Entry::getKey).contains("web01", "db2");
        assertThat(hostvars.toString()).isEqualTo("HostVars");
        assertThat(new Templar().template("{{ hostvars['db2'] | to_json | length > 0 }}", v.hostScope("web01").context())).isEqualTo(true);
    }
}
