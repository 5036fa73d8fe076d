package dev.jplay.modules.packages;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one-line-style apt sources ({@code sources.list} and {@code sources.list.d/*.list}) parsed with Ansible's
 * rules: each line is (enabled, source, comment); valid sources start with {@code deb} or {@code deb-src}; files
 * are rendered back normalised ({@code # } for disabled lines, single spaces).
 */
final class SourcesList {
    private static final String FILE = "__JPLAY_FILE__ ";
    private static final Pattern OPTIONS = Pattern.compile("\\[[^\\]]+\\]");
    private static final Pattern PROTOCOL = Pattern.compile("\\w+://");

    /** One parsed line. */
    record Line(boolean valid, boolean enabled, String source, String comment) {
        static Line parse(String raw) {
            String line = raw.strip();
            boolean enabled = true;
            if (line.startsWith("#")) {
                enabled = false;
                line = line.substring(1);
            }
            String comment = "";
            int i = line.indexOf('#');
            if (i > 0) {
                comment = line.substring(i + 1).strip();
                line = line.substring(0, i);
            }
            String source = line.strip();
            boolean valid = false;
            if (!source.isEmpty()) {
                String[] chunks = source.split("\\s+");
                if (chunks[0].equals("deb") || chunks[0].equals("deb-src")) {
                    valid = true;
                    source = String.join(" ", chunks);
                }
            }
            return new Line(valid, enabled, source, comment);
        }

        String render() {
            return (enabled ? "" : "# ") + source + (comment.isEmpty() ? "" : " # " + comment) + "\n";
        }
    }

    final Map<String, List<Line>> files = new LinkedHashMap<>();

    /** A snippet printing every sources file, each after a marker line with its path. */
    static String readScript(String mainFile, String dir) {
        return "for f in " + ShellCommand.quote(mainFile) + " " + ShellCommand.quote(dir) + "/*.list; do [ -f \"$f\" ] || continue; "
                + "echo \"" + FILE + "$f\"; cat \"$f\"; echo; done";
    }

    static SourcesList parse(String out) {
        SourcesList s = new SourcesList();
        List<Line> current = null;
        List<String> lines = Probes.lines(out);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith(FILE)) {
                current = new ArrayList<>();
                s.files.put(l.substring(FILE.length()), current);
            } else if (current != null && !(l.isEmpty() && (i + 1 == lines.size() || lines.get(i + 1).startsWith(FILE)))) {
                current.add(Line.parse(l));
            }
        }
        return s;
    }

    SourcesList copy() {
        SourcesList c = new SourcesList();
        files.forEach((k, v) -> c.files.put(k, new ArrayList<>(v)));
        return c;
    }

    /** Enables every line with this source; when none exists, appends it to {@code file}. */
    void add(String source, String file) {
        boolean found = false;
        for (List<Line> lines : files.values()) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (l.source().equals(source)) {
                    lines.set(i, new Line(l.valid(), true, l.source(), l.comment()));
                    found = true;
                }
            }
        }
        if (!found) files.computeIfAbsent(file, k -> new ArrayList<>()).add(new Line(true, true, source, ""));
    }

    /** Removes every enabled line with this source. */
    void remove(String source) {
        for (List<Line> lines : files.values()) lines.removeIf(l -> l.enabled() && l.source().equals(source));
    }

    /** file → rendered text, for files with lines (Ansible's dump). */
    Map<String, String> dump() {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach((f, lines) -> {
            if (lines.isEmpty()) return;
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) sb.append(l.render());
            m.put(f, sb.toString());
        });
        return m;
    }

    /** Ansible's file name for a new source: its host and path with non-alphanumerics as underscores. */
    static String suggestName(String source) {
        String line = PROTOCOL.matcher(OPTIONS.matcher(source).replaceAll("")).replaceAll("");
        List<String> parts = new ArrayList<>();
        for (String p : line.strip().split("\\s+")) {
            if (!p.equals("deb") && !p.equals("deb-src")) parts.add(p);
        }
        String first = parts.isEmpty() ? "" : parts.get(0);
        if (first.contains("@")) first = first.substring(first.indexOf('@') + 1);
        return String.join("_", first.replaceAll("[^a-zA-Z0-9]", " ").strip().split("\\s+"));
    }
}
