package dev.jplay.modules.external;

import dev.jplay.modules.Module;
import dev.jplay.modules.python.PythonModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds drop-in modules in module directories; the first directory that has a name wins, as in Ansible. */
public final class ExternalModules {
    private ExternalModules() {}

    public static List<Module> scan(List<Path> dirs) {
        return scan(dirs, null);
    }

    /** As {@link #scan(List)}; Ansible Python modules ({@code *.py} importing module_utils) run through {@code python}. */
    public static List<Module> scan(List<Path> dirs, PythonModules python) {
        Map<String, Module> found = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    if (!Files.isRegularFile(f) || f.getFileName().toString().startsWith(".")) continue;
                    String name = moduleName(f);
                    if (name == null || found.containsKey(name)) continue;
                    found.put(name, python != null && isPython(f) ? python.library(name, f) : ExternalModule.load(name, f));
                }
            } catch (IOException e) {
                // an unreadable directory contributes nothing, as in Ansible
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean isPython(Path f) {
        String n = f.getFileName().toString();
        if (n.contains(".") && !n.endsWith(".py")) return false;
        try {
            return PythonModules.isAnsiblePython(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code library/} directories of the roles in these roles directories, in name order. */
    public static List<Path> roleLibraries(List<Path> rolesDirs) {
        return roleSubdirs(rolesDirs, "library");
    }

    /** The {@code sub} directories ({@code library}, {@code action_plugins}) of the roles in these roles directories. */
    public static List<Path> roleSubdirs(List<Path> rolesDirs, String sub) {
        List<Path> out = new ArrayList<>();
        for (Path dir : rolesDirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> roles = Files.list(dir)) {
                roles.sorted().map(r -> r.resolve(sub)).filter(Files::isDirectory).forEach(out::add);
            } catch (IOException e) {
                // an unreadable roles directory contributes nothing
            }
        }
        return out;
    }

    /** ansible-core's MODULE_IGNORE_EXTS (REJECT_EXTS and .yaml, .yml, .ini): files that are never modules. */
    private static final List<String> IGNORED = List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst",
            ".yaml", ".yml", ".ini");

    /**
     * The module name of a file as Ansible's plugin loader gives it ({@code motd.sh} → {@code motd}, the name before
     * the last extension); null for the files it skips (those ending in {@link #IGNORED}, {@code __init__.py}).
     */
    static String moduleName(Path f) {
        String n = f.getFileName().toString();
        if (n.endsWith("__init__.py") || IGNORED.stream().anyMatch(n::endsWith)) return null;
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
