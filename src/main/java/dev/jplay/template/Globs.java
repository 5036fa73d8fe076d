package dev.jplay.template;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Python's {@code glob.glob} for the fileglob filter and lookup: {@code * ? [..]} in any path component, hidden files only by a dot. */
final class Globs {
    private Globs() {}

    /** The regular files matching {@code pattern} (relative to the working directory unless absolute), sorted. */
    static List<Object> files(String pattern) {
        List<Object> out = new ArrayList<>();
        for (Path p : match(pattern)) if (Files.isRegularFile(p)) out.add(p.toString());
        return out;
    }

    static List<Path> match(String pattern) {
        boolean absolute = pattern.startsWith("/");
        String[] parts = pattern.split("/+");
        List<Path> current = new ArrayList<>();
        current.add(absolute ? Path.of("/") : Path.of(""));
        for (String part : parts) {
            if (part.isEmpty()) continue;
            List<Path> next = new ArrayList<>();
            boolean magic = part.contains("*") || part.contains("?") || part.contains("[");
            for (Path dir : current) {
                if (!magic) {
                    Path c = dir.resolve(part);
                    if (Files.exists(c, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.exists(c)) next.add(c);
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + part.replace("{", "\\{").replace("}", "\\}"));
                Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
                if (!Files.isDirectory(listed)) continue;
                try (Stream<Path> s = Files.list(listed)) {
                    s.map(Path::getFileName).filter(n -> m.matches(n) && (!n.toString().startsWith(".") || part.startsWith(".")))
                            .sorted().forEach(n -> next.add(dir.resolve(n.toString())));
                } catch (IOException e) {
                    // unreadable directories match nothing, as in Python
                }
            }
            current = next;
        }
        return current.size() == 1 && current.get(0).toString().isEmpty() ? List.of() : current;
    }
}
