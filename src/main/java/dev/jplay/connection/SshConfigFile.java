package dev.jplay.connection;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenSSH client configuration file ({@code ~/.ssh/config} or {@code -F file}) reduced to what jplay uses:
 * {@code Host} blocks with patterns ({@code *}, {@code ?}, {@code !negation}), {@code Include}, and the first
 * value of each keyword for a host, as {@code ssh} reads it. {@code Match} blocks are skipped.
 */
public final class SshConfigFile {
    private record Block(List<String> patterns, List<String[]> lines) {}

    private final List<Block> blocks;

    private SshConfigFile(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** An empty configuration. */
    public static SshConfigFile empty() {
        return new SshConfigFile(List.of());
    }

    /** Reads {@code file}; a missing file is an empty configuration. */
    public static SshConfigFile load(Path file) throws IOException {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(List.of("*"), new ArrayList<>()));
        read(file, blocks, 0);
        return new SshConfigFile(blocks);
    }

    /** Parses configuration text (for tests and {@code -o} lines). */
    public static SshConfigFile parse(String text) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(List.of("*"), new ArrayList<>()));
        parseInto(text, null, blocks, 0);
        return new SshConfigFile(blocks);
    }

    private static void read(Path file, List<Block> blocks, int depth) throws IOException {
        if (depth > 8 || !Files.isRegularFile(file)) return;
        parseInto(Files.readString(file), file.getParent(), blocks, depth);
    }

    private static void parseInto(String text, Path dir, List<Block> blocks, int depth) {
        boolean skipping = false;
        for (String raw : text.split("\n")) {
            String[] kv = split(raw);
            if (kv == null) continue;
            String key = kv[0];
            if (key.equals("host")) {
                skipping = false;
                blocks.add(new Block(List.of(kv[1].split("[\\s,]+")), new ArrayList<>()));
            } else if (key.equals("match")) {
                skipping = true;
            } else if (key.equals("include") && dir != null) {
                for (String pattern : kv[1].split("\\s+")) include(dir, pattern, blocks, depth);
            } else if (!skipping) {
                blocks.get(blocks.size() - 1).lines().add(kv);
            }
        }
    }

    private static void include(Path dir, String pattern, List<Block> blocks, int depth) {
        String home = System.getProperty("user.home");
        Path p = pattern.startsWith("~/") ? Path.of(home, pattern.substring(2)) : dir.resolve(pattern);
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
        try (var files = Files.list(parent)) {
            for (Path f : files.filter(f -> matcher.matches(f.getFileName())).sorted().toList()) read(f, blocks, depth + 1);
        } catch (IOException ignored) {
            // an unreadable include is skipped, as ssh does
        }
    }

    /** A line as {keyword (lower case), value}, or null for blanks and comments. */
    static String[] split(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return null;
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') i++;
        String key = line.substring(0, i).toLowerCase(Locale.ROOT);
        String rest = line.substring(i).strip();
        if (rest.startsWith("=")) rest = rest.substring(1).strip();
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) rest = rest.substring(1, rest.length() - 1);
        return new String[] {key, rest};
    }

    /** The first value of each keyword that applies to {@code host} (keywords in lower case). */
    public Map<String, String> forHost(String host) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (!matches(b.patterns(), host)) continue;
            for (String[] kv : b.lines()) out.putIfAbsent(kv[0], kv[1]);
        }
        return out;
    }

    /** Every value of a repeatable keyword ({@code IdentityFile}) that applies to {@code host}, in order. */
    public List<String> allForHost(String host, String keyword) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!matches(b.patterns(), host)) continue;
            for (String[] kv : b.lines()) if (kv[0].equals(keyword)) out.add(kv[1]);
        }
        return out;
    }

    static boolean matches(List<String> patterns, String host) {
        boolean any = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (glob(p.substring(1), host)) return false;
            } else if (glob(p, host)) {
                any = true;
            }
        }
        return any;
    }

    static boolean glob(String pattern, String s) {
        return s.matches(toRegex(pattern));
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') sb.append(".*");
            else if (c == '?') sb.append('.');
            else sb.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return "(?i)" + sb;
    }
}
