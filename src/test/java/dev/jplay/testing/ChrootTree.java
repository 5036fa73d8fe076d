package dev.jplay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal directory tree to chroot into, made from the controller's own binaries: each program named and the
 * shared libraries {@code ldd} says it needs, at the same paths ({@code /bin} and {@code /lib} as links, as on
 * merged-/usr Debian), plus /etc/passwd and /etc/group.
 */
public final class ChrootTree {
    /** What the connection's own transfers and the file modules' probes use. */
    public static final List<String> TOOLS = List.of("sh", "cat", "mktemp", "wc", "chmod", "chown", "mv", "rm", "stat", "ls",
            "id", "readlink", "head", "mkdir", "cut", "sha1sum", "printf", "test", "true", "ln", "touch", "dd", "env", "tr");

    private ChrootTree() {}

    /** Builds the tree in {@code root} (which must exist) with {@link #TOOLS}. */
    public static Path make(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("tmp"));
        for (String link : List.of("bin", "lib", "lib64", "sbin")) {
            Path target = Path.of("/" + link);
            if (Files.isSymbolicLink(target) && !Files.readSymbolicLink(target).isAbsolute()) {
                Files.createDirectories(root.resolve(Files.readSymbolicLink(target)));
                Files.createSymbolicLink(root.resolve(link), Files.readSymbolicLink(target));
            } else {
                Files.createDirectories(root.resolve(link));
            }
        }
        for (String tool : TOOLS) {
            Path p = which(tool);
            copy(root, p);
            for (String lib : libraries(p)) copy(root, Path.of(lib));
        }
        Files.copy(Path.of("/etc/passwd"), root.resolve("etc/passwd"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("/etc/group"), root.resolve("etc/group"), StandardCopyOption.REPLACE_EXISTING);
        return root;
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        throw new IllegalStateException("no " + tool + " on this machine");
    }

    /** Copies {@code file} (its real content) to the same path under {@code root}. */
    private static void copy(Path root, Path file) throws IOException {
        Path real = file.toRealPath();
        Path dest = root.resolve(real.toString().substring(1));
        Files.createDirectories(dest.getParent());
        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) Files.copy(real, dest, StandardCopyOption.COPY_ATTRIBUTES);
        Path named = root.resolve(file.toString().substring(1));
        if (!Files.exists(named, LinkOption.NOFOLLOW_LINKS) && !named.normalize().equals(dest.normalize())) {
            Files.createDirectories(named.getParent());
            Files.createSymbolicLink(named, real);
        }
    }

    private static List<String> libraries(Path program) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().map(String::strip).map(l -> l.contains("=>") ? l.substring(l.indexOf("=>") + 2).strip() : l)
                .filter(l -> l.startsWith("/")).map(l -> l.replaceFirst(" \\(0x[0-9a-f]+\\)$", "")).toList();
    }
}
