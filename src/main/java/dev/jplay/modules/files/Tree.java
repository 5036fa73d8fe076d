package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory tree's entries by relative path: directories and regular files with their permission bits and the
 * sha1 of files. Read from the host with one {@code find} + {@code sha1sum} command, or from the controller.
 */
final class Tree {
    /** One entry: {@code dir} or a file with its mode and checksum; {@code local} is the controller path, if any. */
    record Entry(boolean dir, int mode, String sum, Path local) {}

    private Tree() {}

    /** The host's tree under {@code root}: the root itself under "", empty when it does not exist. */
    static Map<String, Entry> remote(ModuleContext ctx, String root) throws ConnectionException {
        ExecResult r = ctx.sh(listCommand(root));
        return parse(r.out());
    }

    /** The shell command that lists {@code root}: lines {@code d|f MODE PATH} then {@code sha1sum} lines. */
    static String listCommand(String root) {
        String q = quote(root);
        return "if [ -d " + q + " ]; then cd " + q + " && find . \\( -type d -printf 'd %m %P\\n' \\) -o "
                + "\\( -type f -printf 'f %m %P\\n' \\) && find . -type f -exec sha1sum -- {} + | sed 's/^/s /'; fi";
    }

    static Map<String, Entry> parse(String out) {
        Map<String, Entry> m = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("d ") || line.startsWith("f ")) {
                String[] p = line.split(" ", 3);
                m.put(p[2], new Entry(p[0].equals("d"), Integer.parseInt(p[1], 8), null, null));
            } else if (line.startsWith("s ")) {
                String sum = line.substring(2, 42);
                String path = line.substring(44).replaceFirst("^\\./", "");
                Entry e = m.get(path);
                if (e != null) m.put(path, new Entry(false, e.mode(), sum, null));
            }
        }
        return m;
    }

    /** The controller's tree under {@code root}. */
    static Map<String, Entry> local(Path root) {
        Map<String, Entry> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                boolean dir = Files.isDirectory(p);
                int mode = unixMode(p);
                m.put(rel, new Entry(dir, mode, dir ? null : Texts.sha1(Files.readAllBytes(p)), p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static int unixMode(Path p) throws IOException {
        try {
            Object m = Files.getAttribute(p, "unix:mode");
            return ((Integer) m) & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.isDirectory(p) ? 0755 : 0644;
        }
    }
}
