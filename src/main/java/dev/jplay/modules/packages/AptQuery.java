package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The apt module's single read round trip: refreshes the cache when asked and stale (not in check mode), then
 * reads dpkg's state of the requested packages, the candidate versions for {@code latest}, the available names
 * for glob patterns, and the name and version inside a {@code deb} file (fetched first when it is a URL).
 */
record AptQuery(DpkgStatus dpkg, Map<String, String[]> policy, List<String> available, Deb deb,
                boolean cacheUpdated, long cacheTime, String cacheError) {

    /** A .deb on the host with its control fields. */
    record Deb(String file, String name, String version) {}

    static AptQuery run(ModuleArgs a, ModuleContext ctx, List<Apt.Pkg> specs, String stamp, String lists, boolean latest)
            throws ConnectionException {
        List<String> names = new ArrayList<>(specs.stream().map(Apt.Pkg::name).toList());
        boolean globs = names.stream().anyMatch(DpkgStatus::isGlob);
        String deb = a.str("deb");
        List<String> snippets = new ArrayList<>();
        snippets.add(cacheScript(a, ctx.check(), stamp, lists));
        snippets.add(deb != null ? debScript(deb) : names.isEmpty() ? "true" : DpkgStatus.query(names));
        snippets.add(latest && !names.isEmpty() ? AptGet.ENV + "apt-cache policy " + words(names) + " 2>/dev/null" : "true");
        snippets.add(globs ? "apt-cache pkgnames 2>/dev/null" : "true");
        List<Probes.Part> parts = Probes.run(ctx, snippets.toArray(String[]::new));
        String[] cache = parts.get(0).out().strip().split("\\s+", 3);
        String error = parts.get(0).ok() ? null : parts.get(0).out().strip();
        boolean updated = cache[0].equals("updated") || cache[0].equals("stale");
        long time = cache.length > 1 ? Long.parseLong(cache[cache.length > 2 && updated ? 2 : 1]) : 0L;
        Deb d = null;
        List<String> dpkgLines = parts.get(1).lines();
        if (deb != null && !dpkgLines.isEmpty() && dpkgLines.get(0).startsWith("DEB ")) {
            String[] f = dpkgLines.get(0).split(" ", 4);
            if (f.length == 4) d = new Deb(f[1], f[2], f[3]);
            dpkgLines = dpkgLines.subList(1, dpkgLines.size());
        }
        return new AptQuery(DpkgStatus.parse(dpkgLines), parsePolicy(parts.get(2).lines()), parts.get(3).lines(), d,
                updated && error == null, time, error);
    }

    private static String words(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) sb.append(sb.isEmpty() ? "" : " ").append(ShellCommand.quote(n));
        return sb.toString();
    }

    /** Prints "fresh MTIME", "stale MTIME" (check mode), "updated OLD NEW", or fails with apt-get update's errors. */
    private static String cacheScript(ModuleArgs a, boolean check, String stamp, String lists) {
        String mtime = "stat -c %Y " + ShellCommand.quote(stamp) + " 2>/dev/null || stat -c %Y " + ShellCommand.quote(lists)
                + " 2>/dev/null || echo 0";
        boolean wanted = a.bool("update_cache") || a.integer("cache_valid_time", 0) > 0;
        if (!wanted) return "echo fresh $(" + mtime + ")";
        String update = check ? "echo stale $m" : "out=$(" + AptGet.ENV + "apt-get update -q 2>&1) || { echo \"$out\" | tail -n 5; exit 1; }; "
                + "echo updated $m $(" + mtime + ")";
        return "m=$(" + mtime + "); if [ $((m + " + a.integer("cache_valid_time", 0) + ")) -lt $(date +%s) ]; then "
                + update + "; else echo fresh $m; fi";
    }

    /** Prints "DEB file name version" then dpkg's status of that package. */
    private static String debScript(String deb) {
        String fetch = deb.contains("://")
                ? "f=$(mktemp /tmp/jplay-deb.XXXXXX) && mv \"$f\" \"$f.deb\" && f=\"$f.deb\" && curl -fsSL -o \"$f\" "
                + ShellCommand.quote(deb) + " || exit 1; "
                : "f=" + ShellCommand.quote(deb) + "; ";
        return fetch + "p=$(dpkg-deb -f \"$f\" Package) || exit 1; v=$(dpkg-deb -f \"$f\" Version); echo \"DEB $f $p $v\"; "
                + "dpkg-query -W -f='${Package} ${Status} ${Version}\\n' \"$p\" 2>/dev/null; true";
    }

    /** apt-cache policy output → name → [installed, candidate]. */
    private static Map<String, String[]> parsePolicy(List<String> lines) {
        Map<String, String[]> m = new HashMap<>();
        String current = null;
        for (String l : lines) {
            if (!l.startsWith(" ") && l.endsWith(":")) {
                current = l.substring(0, l.length() - 1);
                m.put(current, new String[] {"(none)", "(none)"});
            } else if (current != null && l.strip().startsWith("Installed:")) {
                m.get(current)[0] = l.strip().substring("Installed:".length()).strip();
            } else if (current != null && l.strip().startsWith("Candidate:")) {
                m.get(current)[1] = l.strip().substring("Candidate:".length()).strip();
            }
        }
        return m;
    }

    /** Whether apt's candidate for an installed package is newer than what is installed. */
    boolean upgradable(String name) {
        String[] p = policy.get(name);
        return p != null && !p[1].equals("(none)") && !p[1].equals(p[0]);
    }

    /** Glob names replaced by the available packages they match (a name with no match comes back empty). */
    List<Apt.Pkg> expand(List<Apt.Pkg> specs) {
        return expand(specs, available);
    }

    /** Glob names replaced by the installed packages they match (for removal). */
    List<Apt.Pkg> expandInstalled(List<Apt.Pkg> specs) {
        return expand(specs, List.copyOf(dpkg.packages().keySet()));
    }

    private static List<Apt.Pkg> expand(List<Apt.Pkg> specs, List<String> names) {
        List<Apt.Pkg> out = new ArrayList<>();
        for (Apt.Pkg p : specs) {
            if (!DpkgStatus.isGlob(p.name())) {
                out.add(p);
                continue;
            }
            Pattern g = DpkgStatus.glob(p.name());
            List<String> hits = names.stream().filter(n -> g.matcher(n).matches()).sorted().toList();
            if (hits.isEmpty()) out.add(new Apt.Pkg("", null, p.spec()));
            for (String h : hits) out.add(new Apt.Pkg(h, p.version(), p.version() == null ? h : h + "=" + p.version()));
        }
        return out;
    }
}
