package dev.jplay.cli;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ansible's plugin filter file ({@code plugin_filters_cfg}, else {@code /etc/ansible/plugin_filters.yml}): the
 * modules and action plugins of its {@code module_blacklist} resolve to nothing when a task names them so. A file
 * that cannot be used is skipped with Ansible's warning; blacklisting {@code stat} is an error, as in Ansible.
 */
final class PluginFilter {
    static final Path DEFAULT = Path.of("/etc/ansible/plugin_filters.yml");

    private PluginFilter() {}

    /** The filtered module names; {@code configured} is the setting's path, or null for the default file. */
    static Set<String> load(Path configured, Consumer<String> warn) {
        Path file = configured == null ? DEFAULT : configured;
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            if (configured != null) warn.accept("The plugin filter file, " + file + " does not exist. Skipping.");
            return names;
        }
        Object data;
        try {
            data = Yaml.load(file);
        } catch (SourceException | java.io.UncheckedIOException e) {
            warn.accept("The plugin filter file, " + file + " was not parsable. Skipping: " + e.getMessage());
            return names;
        }
        if (!(data instanceof Map<?, ?> m) || !m.containsKey("filter_version")) {
            warn.accept("The plugin filter file, " + file + " was invalid. Skipping.");
            return names;
        }
        if (!Py.str(m.get("filter_version")).strip().equals("1.0")) {
            warn.accept("The plugin filter file, " + file + " was a version not recognized by this version of Ansible. Skipping.");
            return names;
        }
        if (!m.containsKey("module_blacklist")) {
            throw new SourceException("the plugin filter file " + file + " has no module_blacklist (Ansible fails with KeyError: "
                    + "'module_blacklist')", Loc.of(file.toString()));
        }
        Object list = m.get("module_blacklist");
        if (!(list instanceof List<?> || list instanceof Map<?, ?> || list instanceof CharSequence)) {
            warn.accept("Unable to parse the plugin filter file " + file + " as module_blacklist is not a list. Skipping.");
            return names;
        }
        // as Python's frozenset(): a list's items, a mapping's keys, a string's characters
        if (list instanceof List<?> l) l.forEach(x -> names.add(Py.str(x)));
        else if (list instanceof Map<?, ?> keys) keys.keySet().forEach(x -> names.add(Py.str(x)));
        else ((CharSequence) list).chars().forEach(c -> names.add(String.valueOf((char) c)));
        if (names.contains("stat")) {
            throw new SourceException("The stat module was specified in the module blacklist file, " + file + ", but Ansible will "
                    + "not function without the stat module.  Please remove stat from the blacklist.", Loc.of(file.toString()));
        }
        return names;
    }
}
