package dev.jplay.testing;

import java.util.ArrayList;
import java.util.List;

/** Comparing run output with recorded ansible-playbook output, where hosts within one task may come in any order. */
public final class Transcripts {
    private Transcripts() {}

    /** Sections (a header line and what follows it) with their lines sorted; blank lines dropped. */
    public static String normalize(List<String> lines) {
        StringBuilder out = new StringBuilder();
        List<String> section = new ArrayList<>();
        for (String l : lines) {
            if (l.isBlank()) continue;
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

    private static void flush(StringBuilder out, List<String> section) {
        section.sort(null);
        section.forEach(s -> out.append(s).append('\n'));
        section.clear();
    }
}
