package dev.jplay.modules.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the controller keeps what Python modules need: the {@code ansible_collections} directories (configured
 * collection paths, then the Python site directories, as Ansible's {@code collections_scan_sys_path}) and the
 * installed ansible-core package whose {@code module_utils} every module imports.
 *
 * @param collections the {@code ansible_collections} directories, searched in order
 * @param ansibleCore the {@code ansible} package directory (holding {@code module_utils/basic.py}), or null
 */
public record AnsibleRoots(List<Path> collections, Path ansibleCore) {
    private static final Pattern VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*['\"]([^'\"]+)['\"]");

    /**
     * @param configured {@code collections_path} (each a directory holding {@code ansible_collections}, or one itself)
     * @param playbookDirs a playbook's adjacent {@code collections/} comes first, as in Ansible
     * @param scanSysPath whether the Python site directories are searched too
     * @param env the process environment ({@code VIRTUAL_ENV}, {@code JPLAY_ANSIBLE_CORE})
     */
    public static AnsibleRoots find(List<Path> configured, List<Path> playbookDirs, boolean scanSysPath, Map<String, String> env, Path home) {
        Set<Path> colls = new LinkedHashSet<>();
        for (Path d : playbookDirs) addCollections(colls, d.resolve("collections"));
        for (Path p : configured) addCollections(colls, p);
        List<Path> sites = sitePackages(env, home);
        if (scanSysPath) for (Path s : sites) addCollections(colls, s);
        Path core = null;
        String forced = env.get("JPLAY_ANSIBLE_CORE");
        if (forced != null && Files.isRegularFile(Path.of(forced, "module_utils", "basic.py"))) core = Path.of(forced);
        for (Path s : sites) {
            if (core != null) break;
            if (Files.isRegularFile(s.resolve("ansible/module_utils/basic.py"))) core = s.resolve("ansible");
        }
        return new AnsibleRoots(List.copyOf(colls), core);
    }

    private static void addCollections(Set<Path> out, Path p) {
        Path dir = p.getFileName() != null && p.getFileName().toString().equals("ansible_collections") ? p : p.resolve("ansible_collections");
        if (Files.isDirectory(dir)) out.add(dir.toAbsolutePath().normalize());
    }

    /** Python's site directories on this machine (virtualenv first, then user, local and system ones). */
    static List<Path> sitePackages(Map<String, String> env, Path home) {
        List<Path> out = new ArrayList<>();
        String venv = env.get("VIRTUAL_ENV");
        if (venv != null) out.addAll(pythonDirs(Path.of(venv, "lib"), "site-packages"));
        out.addAll(pythonDirs(home.resolve(".local/lib"), "site-packages"));
        out.addAll(pythonDirs(Path.of("/usr/local/lib"), "dist-packages"));
        out.addAll(pythonDirs(Path.of("/usr/local/lib"), "site-packages"));
        out.add(Path.of("/usr/lib/python3/dist-packages"));
        out.addAll(pythonDirs(Path.of("/usr/lib"), "site-packages"));
        out.addAll(pythonDirs(Path.of("/usr/lib64"), "site-packages"));
        return out.stream().filter(Files::isDirectory).toList();
    }

    private static List<Path> pythonDirs(Path lib, String leaf) {
        if (!Files.isDirectory(lib)) return List.of();
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().startsWith("python3")).sorted().map(p -> p.resolve(leaf)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** ansible-core's version as its {@code module_utils/ansible_release.py} says, for {@code _ansible_version}. */
    public String coreVersion() {
        if (ansibleCore == null) return "2.14.18";
        try {
            Matcher m = VERSION.matcher(Files.readString(ansibleCore.resolve("module_utils/ansible_release.py")));
            return m.find() ? m.group(1) : "2.14.18";
        } catch (IOException e) {
            return "2.14.18";
        }
    }
}
