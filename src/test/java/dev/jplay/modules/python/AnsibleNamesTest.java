package dev.jplay.modules.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which action names ansible-playbook resolves while loading, from a controller's files (no ansible-core needed). */
class AnsibleNamesTest {
    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private AnsibleNames names(Path core) throws IOException {
        write("colls/ansible_collections/acme/tools/plugins/modules/widget.py", "# module\n");
        write("colls/ansible_collections/acme/tools/plugins/modules/net/switch.py", "# module\n");
        write("colls/ansible_collections/acme/tools/plugins/action/sync.py", "# action only\n");
        write("colls/ansible_collections/acme/tools/meta/runtime.yml", "plugin_routing:\n  modules:\n    old_widget:\n"
                + "      redirect: acme.tools.widget\n    gone:\n      tombstone:\n        removal_version: 2.0.0\n"
                + "    lost:\n      redirect: nosuch.coll.lost\n");
        write("library/shellmod.sh", "#!/bin/sh\n");
        write("action_plugins/my_action.py", "# action\n");
        AnsibleRoots roots = new AnsibleRoots(List.of(dir.resolve("colls/ansible_collections")), core);
        return new AnsibleNames(roots, List.of(dir.resolve("library"), dir.resolve("action_plugins")));
    }

    @Test
    void builtinNamesResolveWithoutAnsibleCoreInstalled() throws IOException {
        AnsibleNames n = names(null);
        assertThat(n.resolves("copy")).isTrue();
        assertThat(n.resolves("ansible.builtin.wait_for_connection")).isTrue();
        assertThat(n.resolves("ansible.legacy.normal")).isTrue();
        assertThat(n.resolves("copyy")).isFalse();
        assertThat(n.resolves("ansible.builtin.copyy")).isFalse();
    }

    @Test
    void pluginDirectoriesAnswerToShortAndLegacyNamesOnly() throws IOException {
        AnsibleNames n = names(null);
        assertThat(n.resolves("shellmod")).isTrue();
        assertThat(n.resolves("my_action")).isTrue();
        assertThat(n.resolves("ansible.legacy.my_action")).isTrue();
        assertThat(n.resolves("ansible.builtin.my_action")).isFalse();
        assertThat(n.resolves("my_actio")).isFalse();
    }

    @Test
    void collectionsResolveModulesActionsAndRedirects() throws IOException {
        AnsibleNames n = names(null);
        assertThat(n.resolves("acme.tools.widget")).isTrue();
        assertThat(n.resolves("acme.tools.net.switch")).isTrue();
        assertThat(n.resolves("acme.tools.sync")).as("an action plugin without a module file").isTrue();
        assertThat(n.resolves("acme.tools.old_widget")).isTrue();
        assertThat(n.resolves("acme.tools.gone")).as("tombstoned").isFalse();
        assertThat(n.resolves("acme.tools.lost")).as("redirected to a missing collection").isFalse();
        assertThat(n.resolves("acme.tools.widgett")).isFalse();
        assertThat(n.resolves("acme.nosuch.widget")).isFalse();
        assertThat(n.resolves("foo.bar")).isFalse();
    }

    @Test
    void installedAnsibleCoreAddsItsModulesAndRouting() throws IOException {
        Path core = dir.resolve("site/ansible");
        write("site/ansible/modules/newer_module.py", "# module\n");
        write("site/ansible/plugins/action/newer_action.py", "# action\n");
        write("site/ansible/config/ansible_builtin_runtime.yml", "plugin_routing:\n  modules:\n    widget:\n"
                + "      redirect: acme.tools.widget\n    missing:\n      redirect: nosuch.coll.missing\n");
        AnsibleNames n = names(core);
        assertThat(n.resolves("newer_module")).isTrue();
        assertThat(n.resolves("ansible.builtin.newer_action")).isTrue();
        assertThat(n.resolves("widget")).as("routed to an installed collection").isTrue();
        assertThat(n.resolves("missing")).as("routed to a collection that is not installed").isFalse();
    }
}
