package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jplay.modules.BuiltinModules;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin filter file (plugin_filters_cfg) as ansible-core 2.14's _load_plugin_filter reads it (plugin_filtering target). */
class PluginFilterTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private Set<String> load(String text) throws Exception {
        Path f = dir.resolve("filters.yml");
        Files.writeString(f, text);
        return PluginFilter.load(f, warnings::add);
    }

    @Test
    void blacklistedNamesResolveToNothingAsWrittenOnly() throws Exception {
        Set<String> names = load("filter_version: 1.0\nmodule_blacklist: [copy, pause]\n");
        assertThat(names).containsExactly("copy", "pause");
        ModuleRegistry r = new ModuleRegistry(BuiltinModules.all()).withFilter(names);
        assertThat(r.find("copy")).isNull();
        assertThat(r.ansibleResolves("pause")).isFalse();
        assertThat(r.find("ansible.builtin.copy")).isNotNull();
        assertThat(r.find("file")).isNotNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void unusableFilesAreSkippedWithAnsiblesWarnings() throws Exception {
        assertThat(load("filter_version: 1.0\nmodule_blacklist:\n")).isEmpty();
        assertThat(load("module_blacklist: [copy]\n")).isEmpty();
        assertThat(load("filter_version: '2.0'\nmodule_blacklist: [copy]\n")).isEmpty();
        assertThat(PluginFilter.load(dir.resolve("missing.yml"), warnings::add)).isEmpty();
        assertThat(warnings).containsExactly(
                "Unable to parse the plugin filter file " + dir.resolve("filters.yml") + " as module_blacklist is not a list. Skipping.",
                "The plugin filter file, " + dir.resolve("filters.yml") + " was invalid. Skipping.",
                "The plugin filter file, " + dir.resolve("filters.yml") + " was a version not recognized by this version of Ansible. Skipping.",
                "The plugin filter file, " + dir.resolve("missing.yml") + " does not exist. Skipping.");
    }

    @Test
    void blacklistingStatIsAnError() {
        SourceException e = catchThrowableOfType(SourceException.class, () -> load("filter_version: '1.0'\nmodule_blacklist: [stat]\n"));
        assertThat(e.getMessage()).contains("but Ansible will not function without the stat module.  Please remove stat from the blacklist.");
    }
}
