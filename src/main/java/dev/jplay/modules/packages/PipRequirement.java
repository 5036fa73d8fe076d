package dev.jplay.modules.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirement as Ansible's pip module reads one ({@code pkg_resources.Requirement}): a project name, extras and
 * version specifiers ({@code ==}, {@code !=}, {@code <=}, {@code >=}, {@code <}, {@code >}, {@code ~=}, {@code ===},
 * {@code ==1.2.*}), written back in its normal form (specifiers sorted), and whether an installed version satisfies
 * it (PEP 440 ordering of releases, pre-, post- and dev-releases). Anything else (a URL, a path) is kept as written
 * and is never satisfied, as in Ansible.
 */
record PipRequirement(String text, String name, String extras, List<String[]> specs, boolean plain) {
    private static final Pattern REQ = Pattern.compile(
            "\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*((?:(?:===|==|!=|<=|>=|~=|<|>)\\s*[A-Za-z0-9.*+!_-]+\\s*,?\\s*)*)");
    private static final Pattern SPEC = Pattern.compile("(===|==|!=|<=|>=|~=|<|>)\\s*([A-Za-z0-9.*+!_-]+)");
    private static final Pattern CANON = Pattern.compile("[-_.]+");

    static PipRequirement parse(String text) {
        Matcher m = REQ.matcher(text);
        if (!m.matches()) return new PipRequirement(text, text, "", List.of(), false);
        List<String[]> specs = new ArrayList<>();
        Matcher s = SPEC.matcher(m.group(3));
        while (s.find()) specs.add(new String[] {s.group(1), s.group(2)});
        String extras = "";
        if (m.group(2) != null) {
            List<String> e = new ArrayList<>();
            for (String x : m.group(2).substring(1, m.group(2).length() - 1).split(",")) if (!x.isBlank()) e.add(x.strip());
            java.util.Collections.sort(e);
            extras = "[" + String.join(",", e) + "]";
        }
        return new PipRequirement(text, m.group(1), extras, specs, true);
    }

    /** Ansible's Package(name, version): the version joined with == when it starts with a digit, else with a space. */
    static PipRequirement withVersion(String name, String version) {
        String v = version.stripLeading();
        return parse(name + (!v.isEmpty() && Character.isDigit(v.charAt(0)) ? "==" : " ") + v);
    }

    /** The name pip compares: lower case, runs of {@code -_.} as one {@code -} (PEP 503). */
    static String canonical(String name) {
        return CANON.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    String packageName() {
        return plain ? canonical(name) : text;
    }

    boolean hasVersionSpecifier() {
        return plain && !specs.isEmpty();
    }

    /** The requirement as str(Requirement) writes it. */
    @Override
    public String toString() {
        if (!plain) return text;
        List<String> s = new ArrayList<>();
        for (String[] sp : specs) s.add(sp[0] + sp[1]);
        java.util.Collections.sort(s);
        return name + extras + String.join(",", s);
    }

    boolean satisfiedBy(String version) {
        if (!plain) return false;
        for (String[] sp : specs) if (!matches(sp[0], sp[1], version)) return false;
        return true;
    }

    private static boolean matches(String op, String want, String have) {
        if (op.equals("===")) return want.equalsIgnoreCase(have);
        if (want.endsWith(".*")) {
            boolean prefix = prefixMatch(want.substring(0, want.length() - 2), have);
            return op.equals("!=") ? !prefix : prefix;
        }
        int c = compare(have, want);
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "~=" -> c >= 0 && prefixMatch(want.substring(0, Math.max(want.lastIndexOf('.'), 0)), have);
            default -> false;
        };
    }

    private static boolean prefixMatch(String prefix, String have) {
        long[] p = Version.of(prefix).release;
        long[] h = Version.of(have).release;
        for (int i = 0; i < p.length; i++) if ((i < h.length ? h[i] : 0) != p[i]) return false;
        return true;
    }

    static int compare(String a, String b) {
        return Version.of(a).compareTo(Version.of(b));
    }

    /** A PEP 440 version: release numbers, then pre (a/b/rc), post and dev parts. */
    private record Version(long[] release, int preKind, long pre, long post, long dev) implements Comparable<Version> {
        private static final Pattern V = Pattern.compile(
                "v?(?:\\d+!)?(\\d+(?:\\.\\d+)*)[-_.]?(?:(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d*))?"
                        + "(?:-(\\d+)|[-_.]?(?:post|rev|r)[-_.]?(\\d*))?(?:[-_.]?dev[-_.]?(\\d*))?(?:\\+.*)?",
                Pattern.CASE_INSENSITIVE);

        static Version of(String s) {
            Matcher m = V.matcher(s.strip());
            if (!m.matches()) return new Version(new long[] {0}, 3, 0, -1, Long.MAX_VALUE);
            String[] parts = m.group(1).split("\\.");
            long[] rel = new long[parts.length];
            for (int i = 0; i < parts.length; i++) rel[i] = Long.parseLong(parts[i]);
            int kind = 3;
            long pre = 0;
            if (m.group(2) != null) {
                String k = m.group(2).toLowerCase(Locale.ROOT);
                kind = k.startsWith("a") ? 0 : k.startsWith("b") ? 1 : 2;
                pre = num(m.group(3));
            }
            long post = m.group(4) != null ? num(m.group(4)) : m.group(5) != null ? num(m.group(5)) : -1;
            long dev = m.group(6) != null ? num(m.group(6)) : Long.MAX_VALUE;
            if (dev != Long.MAX_VALUE && kind == 3 && post < 0) kind = -1;
            return new Version(rel, kind, pre, post, dev);
        }

        private static long num(String s) {
            return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
        }

        @Override
        public int compareTo(Version o) {
            int n = Math.max(release.length, o.release.length);
            for (int i = 0; i < n; i++) {
                int c = Long.compare(i < release.length ? release[i] : 0, i < o.release.length ? o.release[i] : 0);
                if (c != 0) return c;
            }
            int c = Integer.compare(preKind, o.preKind);
            if (c == 0) c = Long.compare(pre, o.pre);
            if (c == 0) c = Long.compare(post, o.post);
            if (c == 0) c = Long.compare(dev, o.dev);
            return c;
        }
    }
}
