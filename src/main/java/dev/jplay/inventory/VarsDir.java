package dev.jplay.inventory;

import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code group_vars/} and {@code host_vars/} directories, beside an inventory source or a playbook: for a name,
 * the file {@code NAME}, {@code NAME.yml}, {@code NAME.yaml} or {@code NAME.json}, or every such file inside a
 * directory {@code NAME/} (sorted by name, merged in order).
 */
public final class VarsDir {
    private static final Set<String> EXTENSIONS = Set.of("", ".yml", ".yaml", ".json");

    private VarsDir() {}

    /** Vars for {@code name} under {@code dir} (e.g. {@code dir=/p/group_vars}, {@code name=web}); empty when none. */
    public static Map<String, Object> load(Path dir, String name, Decrypter vault) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return out;
        for (String ext : EXTENSIONS) {
            Path f = dir.resolve(name + ext);
            if (Files.isRegularFile(f)) merge(out, f, vault);
        }
        Path sub = dir.resolve(name);
        if (Files.isDirectory(sub)) {
            try (Stream<Path> s = Files.walk(sub)) {
                List<Path> files = s.filter(Files::isRegularFile).filter(VarsDir::varsFile).sorted().toList();
                for (Path f : files) merge(out, f, vault);
            } catch (IOException e) {
                throw new SourceException("cannot read " + sub + ": " + e.getMessage(), Loc.of(sub.toString()));
            }
        }
        return out;
    }

    private static boolean varsFile(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json") || !n.contains("."));
    }

    private static void merge(Map<String, Object> into, Path f, Decrypter vault) {
        Object data = Yaml.load(f, vault);
        if (data == null) return;
        if (!(data instanceof Map<?, ?> m)) throw new SourceException("a vars file must contain a mapping", Loc.of(f.toString()));
        m.forEach((k, v) -> into.put(String.valueOf(k), v));
    }
}
