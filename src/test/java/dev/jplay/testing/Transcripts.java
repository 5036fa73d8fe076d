package dev.jplay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Comparing run output with recorded ansible-playbook output, where hosts within one task may come in any order. */
public final class Transcripts {
    private Transcripts() {}

    /** The rows of a cases file: its non-blank lines not starting with {@code #}, split at {@code |} into at most {@code limit} fields. */
    public static List<String[]> cases(Path file, int limit) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) out.add(line.split("\\|", limit));
        }
        return out;
    }

    /**
     * Sections (a header line and what follows it) with their lines sorted; blank lines dropped; the hosts of an
     * {@code included: FILE for h2, h1} line sorted too (Ansible lists them in the order their results arrived).
     */
    public static String normalize(List<String> lines) {
        StringBuilder out = new StringBuilder();
        List<String> section = new ArrayList<>();
        for (String l : lines) {
            if (l.isBlank()) continue;
            l = sortIncludedHosts(l);
            if (l.matches("^(PLAY|TASK|RUNNING HANDLER|PLAY RECAP|playbook:|  play #).*")) {
                flush(out, section);
                out.append(l).append('\n');
            } else {
                section.add(l);
            }
        }
        flush(out, section);
        return out.toString();
    }

    private static String sortIncludedHosts(String line) {
        var m = java.util.regex.Pattern.compile("^(included: \\S+ for )([^=]+?)( => .*)?$").matcher(line);
        if (!m.matches()) return line;
        List<String> hosts = new ArrayList<>(List.of(m.group(2).split(", ")));
        hosts.sort(null);
        return m.group(1) + String.join(", ", hosts) + (m.group(3) == null ? "" : m.group(3));
    }

    private static void flush(StringBuilder out, List<String> section) {
        section.sort(null);
        section.forEach(s -> out.append(s).append('\n'));
        section.clear();
    }
}
