package dev.jplay.modules.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Python module and every {@code module_utils} file it imports, directly or through other module_utils, as one
 * zip that Python imports from (the way Ansible's AnsiballZ packs modules). Files come from the controller:
 * {@code ansible.module_utils.*} from the installed ansible-core, {@code ansible_collections.*} from the collection
 * roots. Package directories get their real {@code __init__.py} inside module_utils and an empty one elsewhere
 * (the real {@code ansible/__init__.py} is the controller's and must not run on a host).
 */
final class Payload {
    private final AnsibleRoots roots;
    private final Map<String, byte[]> files = new TreeMap<>();

    private Payload(AnsibleRoots roots) {
        this.roots = roots;
    }

    /**
     * @param fqn the module's Python name in the zip ({@code ansible_collections.community.general.plugins.modules.ini_file},
     *            {@code ansible.modules.mymod} for a library module)
     */
    static byte[] build(AnsibleRoots roots, String fqn, Path moduleFile) {
        Payload p = new Payload(roots);
        try {
            p.add(fqn, Files.readAllBytes(moduleFile), false);
            p.resolveAll();
            return p.zip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Deque<String> pending = new ArrayDeque<>();

    private void add(String fqn, byte[] data, boolean isPackage) {
        String path = fqn.replace('.', '/') + (isPackage ? "/__init__.py" : ".py");
        if (files.containsKey(path)) return;
        files.put(path, data);
        pending.add(fqn + (isPackage ? ".__init__" : ""));
        String pkg = fqn.contains(".") ? fqn.substring(0, fqn.lastIndexOf('.')) : null;
        while (pkg != null) {
            addPackageInit(pkg);
            pkg = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : null;
        }
    }

    private void addPackageInit(String pkg) {
        String path = pkg.replace('.', '/') + "/__init__.py";
        if (files.containsKey(path)) return;
        Path real = source(pkg, true);
        if (real != null && (pkg.startsWith("ansible.module_utils") || pkg.contains(".plugins.module_utils"))) {
            try {
                add(pkg, Files.readAllBytes(real), true);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.put(path, new byte[0]);
    }

    private void resolveAll() throws IOException {
        while (!pending.isEmpty()) {
            String fqn = pending.poll();
            boolean isInit = fqn.endsWith(".__init__");
            String self = isInit ? fqn.substring(0, fqn.length() - ".__init__".length()) : fqn;
            String path = self.replace('.', '/') + (isInit ? "/__init__.py" : ".py");
            String text = new String(files.get(path), StandardCharsets.UTF_8);
            for (ImportScanner.Import imp : ImportScanner.scan(text)) {
                String base = absolute(imp, self, isInit);
                if (base == null) continue;
                boolean anySub = false;
                for (String n : imp.names()) anySub |= include(base.isEmpty() ? n : base + "." + n);
                if (!anySub || imp.names().isEmpty()) includeLongest(base);
            }
        }
    }

    /** The absolute name an import refers to, or null when it is neither ansible's nor a collection's. */
    private static String absolute(ImportScanner.Import imp, String self, boolean isPackage) {
        if (imp.level() == 0) {
            String m = imp.module();
            return m.equals("ansible") || m.startsWith("ansible.") || m.startsWith("ansible_collections.") ? m : null;
        }
        String pkg = isPackage ? self : self.substring(0, Math.max(0, self.lastIndexOf('.')));
        for (int i = 1; i < imp.level(); i++) pkg = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "";
        if (pkg.isEmpty()) return null;
        return imp.module().isEmpty() ? pkg : pkg + "." + imp.module();
    }

    /** Adds {@code name} if it is a module or package file; true if it was found. */
    private boolean include(String name) throws IOException {
        if (!name.startsWith("ansible.module_utils") && !name.startsWith("ansible_collections.")) return false;
        Path pkgInit = source(name, true);
        if (pkgInit != null) {
            add(name, Files.readAllBytes(pkgInit), true);
            return true;
        }
        Path mod = source(name, false);
        if (mod != null) {
            add(name, Files.readAllBytes(mod), false);
            return true;
        }
        return false;
    }

    /** {@code import a.b.c} where only {@code a.b} is a file ({@code six.moves}): the longest prefix that exists. */
    private void includeLongest(String name) throws IOException {
        String n = name;
        while (n.contains(".")) {
            if (include(n)) return;
            n = n.substring(0, n.lastIndexOf('.'));
        }
    }

    /** The controller file for a Python name, or null. */
    private Path source(String name, boolean asPackage) {
        String rel = name.replace('.', '/') + (asPackage ? "/__init__.py" : ".py");
        if (name.startsWith("ansible.module_utils")) {
            if (roots.ansibleCore() == null) return null;
            Path p = roots.ansibleCore().resolve(rel.substring("ansible/".length()));
            return Files.isRegularFile(p) ? p : null;
        }
        if (name.startsWith("ansible_collections.")) {
            String inColl = rel.substring("ansible_collections/".length());
            for (Path root : roots.collections()) {
                Path p = root.resolve(inColl);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    private byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(315532800000L + 86400000L);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
