package dev.jplay.modules.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Whether ansible-playbook would resolve a task's action name, as its ModuleArgsParser does while loading (a module
 * or an action plugin: ansible-core's own, its routing table, a collection's {@code plugins/modules} and
 * {@code plugins/action} and {@code meta/runtime.yml}, module and action plugin directories such as {@code library/}
 * and {@code action_plugins/}). A name nothing resolves is Ansible's load error "couldn't resolve module/action",
 * whether or not the task would run. jplay asks this only for names it cannot run itself; every doubt answers
 * "resolves", so that jplay never refuses a playbook Ansible loads.
 */
public final class AnsibleNames {
    /** ansible-core 2.14's modules and action plugins, for a controller without ansible-core installed. */
    static final Set<String> CORE = Set.of("_include", "add_host", "apt", "apt_key", "apt_repository", "assemble", "assert",
            "async_status", "async_wrapper", "blockinfile", "command", "copy", "cron", "debconf", "debug", "dnf",
            "dpkg_selections", "expect", "fail", "fetch", "file", "find", "gather_facts", "get_url", "getent", "git", "group",
            "group_by", "hostname", "import_playbook", "import_role", "import_tasks", "include", "include_role", "include_tasks",
            "include_vars", "iptables", "known_hosts", "lineinfile", "meta", "normal", "package", "package_facts", "pause",
            "ping", "pip", "raw", "reboot", "replace", "rpm_key", "script", "service", "service_facts", "set_fact", "set_stats",
            "setup", "shell", "slurp", "stat", "subversion", "systemd", "systemd_service", "sysvinit", "tempfile", "template",
            "unarchive", "uri", "user", "validate_argument_spec", "wait_for", "wait_for_connection", "yum", "yum_repository");
    private static final int MAX_REDIRECTS = 5;

    private final AnsibleRoots roots;
    private final List<Path> pluginDirs;
    private final Map<Path, Map<?, ?>> routing = new ConcurrentHashMap<>();

    /**
     * @param pluginDirs module and action plugin directories ({@code library/}, {@code action_plugins/}, the
     *                   configured ones), where any file named {@code name} or {@code name.*} answers to a short name
     */
    public AnsibleNames(AnsibleRoots roots, List<Path> pluginDirs) {
        this.roots = roots;
        this.pluginDirs = List.copyOf(pluginDirs);
    }

    /** Would ansible-playbook resolve {@code name} (as written in a task: short, {@code ansible.builtin.x}, FQCN)? */
    public boolean resolves(String name) {
        return resolves(name, 0);
    }

    private boolean resolves(String name, int depth) {
        if (depth > MAX_REDIRECTS || name.isEmpty()) return true; // a redirect loop is another error: not claimed here
        if (name.startsWith("ansible.builtin.")) return core(name.substring("ansible.builtin.".length()), depth);
        if (name.startsWith("ansible.legacy.")) name = name.substring("ansible.legacy.".length());
        if (inPluginDirs(name)) return true;
        if (!name.contains(".")) return core(name, depth);
        String[] parts = name.split("\\.");
        if (parts.length < 3) return false; // not a collection name, and no plugin file has it
        String rest = String.join(".", List.of(parts).subList(2, parts.length));
        for (Path root : roots.collections()) {
            Path dir = root.resolve(parts[0]).resolve(parts[1]);
            if (!Files.isDirectory(dir)) continue;
            Map<?, ?> route = route(dir.resolve("meta/runtime.yml"), rest);
            if (route != null && route.get("redirect") instanceof String to) return resolves(to, depth + 1);
            if (route != null && route.containsKey("tombstone")) return false;
            String path = rest.replace('.', '/');
            return hasFile(dir.resolve("plugins/modules"), path) || hasFile(dir.resolve("plugins/action"), path);
        }
        return false; // no such collection installed
    }

    private boolean core(String name, int depth) {
        if (CORE.contains(name)) return true;
        Path core = roots.ansibleCore();
        if (core == null) return false;
        if (Files.isRegularFile(core.resolve("modules").resolve(name + ".py"))
                || Files.isRegularFile(core.resolve("plugins/action").resolve(name + ".py"))) return true;
        Map<?, ?> route = route(core.resolve("config/ansible_builtin_runtime.yml"), name);
        return route != null && route.get("redirect") instanceof String to && resolves(to, depth + 1);
    }

    private Map<?, ?> route(Path runtimeYml, String name) {
        return routing.computeIfAbsent(runtimeYml, PythonModules::readRouting).get(name) instanceof Map<?, ?> m ? m : null;
    }

    private boolean inPluginDirs(String name) {
        for (Path d : pluginDirs) if (hasFile(d, name)) return true;
        return false;
    }

    /**
     * Is there a file {@code name} or {@code name.<ext>} in {@code dir} ({@code name} may hold slashes), as Ansible finds
     * a module or action plugin by file? True when {@code dir} cannot be read (the name is not claimed missing).
     */
    public static boolean hasFile(Path dir, String name) {
        Path f = dir.resolve(name);
        if (Files.isRegularFile(f)) return true;
        Path parent = f.getParent();
        if (parent == null || !Files.isDirectory(parent)) return false;
        String prefix = f.getFileName() + ".";
        try (Stream<Path> s = Files.list(parent)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p));
        } catch (IOException e) {
            return true; // unreadable: do not claim it is missing
        }
    }
}
