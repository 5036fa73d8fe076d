package dev.jplay.modules.python;

import dev.jplay.modules.Module;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds Ansible Python modules by the names tasks use: {@code ns.coll.name} in the collection roots (following
 * {@code meta/runtime.yml} redirects), {@code ansible.builtin.name} / {@code ansible.legacy.name} / a short name in
 * the installed ansible-core (its own modules and its routing table, which sends e.g. {@code ini_file} to
 * {@code community.general.ini_file}). Built-in Java modules are looked up first by the registry; these fill the
 * gaps. Found modules are kept for the run (one instance per name, so each payload is packed once).
 */
public final class PythonModules {
    /** Ansible modules that are really controller-side action plugins: their Python file alone does not do the job. */
    private static final Set<String> ACTION_ONLY = Set.of("assemble", "async_status", "gather_facts", "set_stats",
            "validate_argument_spec", "wait_for_connection", "copy", "template", "fetch", "script", "raw", "reboot", "unarchive",
            "uri", "include_vars", "add_host", "group_by", "set_fact", "assert", "debug", "fail", "pause", "package", "service",
            "command", "shell");

    private final AnsibleRoots roots;
    private final Map<String, Optional<Module>> found = new ConcurrentHashMap<>();
    private final Map<Path, Map<?, ?>> routing = new ConcurrentHashMap<>();

    public PythonModules(AnsibleRoots roots) {
        this.roots = roots;
    }

    public AnsibleRoots roots() {
        return roots;
    }

    /** The Python module for a task's module name, or null. */
    public Module find(String name) {
        return found.computeIfAbsent(name, n -> Optional.ofNullable(resolve(n, 0))).orElse(null);
    }

    private Module resolve(String name, int depth) {
        if (depth > 5) return null;
        String[] parts = name.split("\\.");
        if (parts.length == 1 || name.startsWith("ansible.builtin.") || name.startsWith("ansible.legacy.")) {
            String shortName = parts[parts.length - 1];
            if (roots.ansibleCore() == null || ACTION_ONLY.contains(shortName)) return null;
            Path f = roots.ansibleCore().resolve("modules").resolve(shortName + ".py");
            if (Files.isRegularFile(f)) {
                return new PythonModule(name, "ansible.modules." + shortName, f, roots, "ansible-core module " + f);
            }
            String redirect = redirect(roots.ansibleCore().resolve("config/ansible_builtin_runtime.yml"), shortName);
            return redirect == null ? null : resolve(redirect, depth + 1);
        }
        if (parts.length < 3) return null;
        String ns = parts[0];
        String coll = parts[1];
        String rest = String.join(".", List.of(parts).subList(2, parts.length));
        for (Path root : roots.collections()) {
            Path dir = root.resolve(ns).resolve(coll);
            if (!Files.isDirectory(dir)) continue;
            Path f = dir.resolve("plugins/modules").resolve(rest.replace('.', '/') + ".py");
            if (Files.isRegularFile(f)) {
                if (Files.isRegularFile(dir.resolve("plugins/action").resolve(parts[parts.length - 1] + ".py"))) return null;
                String fqn = "ansible_collections." + ns + "." + coll + ".plugins.modules." + rest;
                return new PythonModule(name, fqn, f, roots, "collection " + ns + "." + coll + ", " + f);
            }
            String redirect = redirect(dir.resolve("meta/runtime.yml"), rest);
            if (redirect != null) return resolve(redirect, depth + 1);
            return null;
        }
        return null;
    }

    private String redirect(Path runtimeYml, String module) {
        Map<?, ?> r = routing.computeIfAbsent(runtimeYml, PythonModules::readRouting);
        if (r.get(module) instanceof Map<?, ?> entry && entry.get("redirect") instanceof String to) return to;
        return null;
    }

    /** The {@code plugin_routing.modules} table of a {@code runtime.yml} (empty when it is missing or unreadable). */
    static Map<?, ?> readRouting(Path runtimeYml) {
        if (!Files.isRegularFile(runtimeYml)) return Map.of();
        try (InputStream in = Files.newInputStream(runtimeYml)) {
            LoaderOptions o = new LoaderOptions();
            o.setCodePointLimit(64 * 1024 * 1024);
            Object y = new Yaml(new SafeConstructor(o)).load(in);
            if (y instanceof Map<?, ?> m && m.get("plugin_routing") instanceof Map<?, ?> pr && pr.get("modules") instanceof Map<?, ?> mods) {
                return mods;
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return Map.of();
    }

    /** A module found on disk, for listings: its FQCN, one-line description and file. */
    public record Listed(String name, String shortDescription, Path file) {}

    /** Every collection module (first root wins for a name), for {@code jplay doc -l}. */
    public List<Listed> list() {
        Map<String, Listed> out = new java.util.TreeMap<>();
        for (Path root : roots.collections()) {
            for (Path ns : dirs(root)) {
                for (Path coll : dirs(ns)) {
                    Path mods = coll.resolve("plugins/modules");
                    if (!Files.isDirectory(mods)) continue;
                    try (Stream<Path> files = Files.walk(mods)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".py") && !p.getFileName().toString().startsWith("_")).toList()) {
                            String rel = mods.relativize(f).toString();
                            String name = ns.getFileName() + "." + coll.getFileName() + "." + rel.substring(0, rel.length() - 3).replace('/', '.');
                            if (out.containsKey(name)) continue;
                            out.put(name, new Listed(name, PythonDoc.shortDescription(head(f)), f));
                        }
                    } catch (IOException e) {
                        // an unreadable collection lists nothing
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** ansible-core's own Python modules (those that work without their action plugin), for listings. */
    public List<Listed> listCore() {
        if (roots.ansibleCore() == null) return List.of();
        List<Listed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(roots.ansibleCore().resolve("modules"))) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".py") || n.startsWith("_") || ACTION_ONLY.contains(n.substring(0, n.length() - 3))) continue;
                out.add(new Listed("ansible.builtin." + n.substring(0, n.length() - 3), PythonDoc.shortDescription(head(f)), f));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static List<Path> dirs(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("_")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String head(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return new String(in.readNBytes(16384), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Is this file an Ansible Python module (it imports {@code ansible.module_utils})? */
    public static boolean isAnsiblePython(String source) {
        return source.contains("from ansible.module_utils") || source.contains("import ansible.module_utils")
                || source.contains("#<<INCLUDE_ANSIBLE_MODULE_COMMON>>");
    }

    /** A {@code library/} module written in Python as {@code name}. */
    public Module library(String name, Path file) {
        return new PythonModule(name, "ansible.modules." + name, file, roots, "library module " + file);
    }
}
