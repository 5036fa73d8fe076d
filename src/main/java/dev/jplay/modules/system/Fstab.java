package dev.jplay.modules.system;

import dev.jplay.modules.probes.Probes;
import java.util.List;
import java.util.Map;

/**
 * fstab editing with ansible.posix.mount's rules: an entry is matched by its mount point (for swap by its
 * source), fields are escaped ({@code \040} for spaces), unrelated and comment lines stay as they are.
 */
final class Fstab {
    private static final List<String> FIELDS = List.of("src", "name", "fstype", "opts", "dump", "passno");

    private Fstab() {}

    /** The new text and whether anything differs. */
    record Edit(String text, boolean changed) {}

    static String escape(String v) {
        return v.replace("\\", "\\134").replace(" ", "\\040").replace("&", "\\046");
    }

    /** Adds or updates the entry for {@code want} (keys src, name, fstype, opts, dump, passno; unescaped). */
    static Edit set(String before, Map<String, String> want) {
        StringBuilder out = new StringBuilder();
        boolean exists = false;
        boolean changed = false;
        for (String line : Probes.lines(before)) {
            String[] f = line.trim().split("\\s+");
            if (line.isBlank() || line.trim().startsWith("#") || f.length < 4 || f.length > 6 || !matches(f, want)) {
                out.append(line).append('\n');
                continue;
            }
            exists = true;
            String[] ld = {f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "0", f.length > 5 ? f[5] : "0"};
            boolean differs = false;
            for (int i = 0; i < FIELDS.size(); i++) {
                String w = escape(want.get(FIELDS.get(i)));
                if (i != 1 && !ld[i].equals(w)) {
                    ld[i] = w;
                    differs = true;
                }
            }
            changed |= differs;
            out.append(differs ? String.join(" ", ld) : line).append('\n');
        }
        if (!exists) {
            StringBuilder l = new StringBuilder();
            for (String k : FIELDS) l.append(l.isEmpty() ? "" : " ").append(escape(want.get(k)));
            out.append(l).append('\n');
            changed = true;
        }
        return new Edit(out.toString(), changed);
    }

    /** Removes the entries for the mount point {@code name} (6-field lines only, as Ansible does). */
    static Edit unset(String before, String name, String src) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String line : Probes.lines(before)) {
            String[] f = line.trim().split("\\s+");
            if (!line.isBlank() && !line.trim().startsWith("#") && f.length == 6
                    && matches(f, Map.of("name", name, "src", src == null ? "" : src))) {
                changed = true;
                continue;
            }
            out.append(line).append('\n');
        }
        return new Edit(out.toString(), changed);
    }

    private static boolean matches(String[] f, Map<String, String> want) {
        if (!f[1].equals(escape(want.get("name")))) return false;
        String src = want.get("src");
        return !(f[1].equals("none") && f[2].equals("swap") && src != null && !src.isEmpty() && !f[0].equals(src));
    }
}
