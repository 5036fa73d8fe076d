package dev.jplay.modules.packages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What dpkg knows about packages, parsed from {@code dpkg-query -W -f='${Package} ${Status} ${Version}\n'}:
 * per package whether it is installed, which version, and whether only its config files remain.
 */
record DpkgStatus(Map<String, Entry> packages) {
    /** The query for the given names or glob patterns (one round trip). */
    static String query(List<String> names) {
        StringBuilder sb = new StringBuilder("dpkg-query -W -f='${Package} ${Status} ${Version}\\n'");
        for (String n : names) sb.append(' ').append(dev.jplay.connection.ShellCommand.quote(n));
        return sb.append(" 2>/dev/null").toString();
    }

    /** One package: {@code installed} is "install ok installed" (or hold); {@code configFiles} when removed but not purged. */
    record Entry(String name, String want, String status, String version) {
        boolean installed() {
            return status.equals("installed") || status.equals("half-configured") || status.equals("unpacked");
        }

        boolean hasFiles() {
            return !status.equals("not-installed");
        }
    }

    static DpkgStatus parse(List<String> lines) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (String l : lines) {
            String[] f = l.trim().split("\\s+");
            if (f.length < 4) continue;
            String name = f[0].contains(":") ? f[0].substring(0, f[0].indexOf(':')) : f[0];
            m.put(name, new Entry(name, f[1], f[3], f.length > 4 ? f[4] : ""));
        }
        return new DpkgStatus(m);
    }

    /** The entry for a name; an architecture-qualified name ({@code libc6:amd64}) finds the plain entry. */
    Entry get(String name) {
        Entry e = packages.get(name);
        return e != null || !name.contains(":") ? e : packages.get(name.substring(0, name.indexOf(':')));
    }

    boolean installed(String name) {
        Entry e = get(name);
        return e != null && e.installed();
    }

    /** Whether {@code name} is installed with a version matching {@code versionGlob} (null: any version). */
    boolean installed(String name, String versionGlob) {
        if (!installed(name)) return false;
        return versionGlob == null || glob(versionGlob).matcher(get(name).version()).matches();
    }

    /** An fnmatch-style glob ({@code * ? [..]}) as a regex. */
    static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[', ']' -> sb.append(c);
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    static boolean isGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[");
    }
}
