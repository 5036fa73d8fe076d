package dev.jplay.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Tests on controller paths: file, directory, link, exists, link_exists, abs, same_file, mount (and their is_ aliases). */
final class PathTests {
    private PathTests() {}

    static Fn.Test get(String name) {
        return switch (name) {
            case "file", "is_file" -> (e, v, a) -> Files.isRegularFile(path(v));
            case "directory", "is_dir" -> (e, v, a) -> Files.isDirectory(path(v));
            case "link", "is_link" -> (e, v, a) -> Files.isSymbolicLink(path(v));
            case "exists" -> (e, v, a) -> Files.exists(path(v));
            case "link_exists" -> (e, v, a) -> Files.exists(path(v), LinkOption.NOFOLLOW_LINKS);
            case "abs", "is_abs" -> (e, v, a) -> PathFilters.path(v).startsWith("/");
            case "same_file", "is_same_file" -> (e, v, a) -> {
                try {
                    return Files.isSameFile(path(v), path(a.get(0, "other")));
                } catch (IOException ex) {
                    throw new EvalError("[Errno 2] No such file or directory: " + dev.jplay.data.Py.repr(PyOps.str(v)));
                }
            };
            case "mount", "is_mount" -> (e, v, a) -> mount(path(v));
            default -> null;
        };
    }

    private static Path path(Object v) {
        return Path.of(PathFilters.path(v));
    }

    /** Python's {@code os.path.ismount}: a directory on another device than its parent, or the same inode as its parent. */
    private static boolean mount(Path p) {
        try {
            if (Files.isSymbolicLink(p) || !Files.isDirectory(p)) return false;
            Path parent = p.toAbsolutePath().resolve("..").normalize();
            Object dev = Files.getAttribute(p, "unix:dev");
            Object parentDev = Files.getAttribute(parent, "unix:dev");
            if (!dev.equals(parentDev)) return true;
            return Files.getAttribute(p, "unix:ino").equals(Files.getAttribute(parent, "unix:ino"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return false;
        }
    }
}
