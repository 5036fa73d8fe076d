package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code apt}: installs, upgrades and removes Debian packages with {@code apt-get}, reading the state with one
 * {@code dpkg-query} call (plus {@code apt-cache policy} for {@code latest}) and changing it with one apt-get call.
 * The cache refresh ({@code update_cache}, {@code cache_valid_time}) runs inside the query round trip.
 */
public final class Apt implements Module {
    static final String STAMP = "/var/lib/apt/periodic/update-success-stamp";
    static final String LISTS = "/var/lib/apt/lists";

    private final String stamp;
    private final String lists;
    private final ModuleSpec spec;

    /** Reads the cache age from the Debian paths. */
    public Apt() {
        this(STAMP, LISTS);
    }

    /** Reads the cache age from {@code stamp} (or {@code lists} when it is missing); for tests. */
    public Apt(String stamp, String lists) {
        this.stamp = stamp;
        this.lists = lists;
        this.spec = spec("apt", "ansible.builtin.apt");
    }

    static ModuleSpec spec(String name, String fqcn) {
        return ModuleSpec.builder(name).fqcn(fqcn)
                .doc("Manages apt-packages", "Installs, upgrades and removes packages with apt-get on Debian and Ubuntu. "
                        + "name=version pins a version (globs allowed); names with * ? [ ] match available packages.")
                .param(Param.of("name").list(ParamType.STR).aliases("package", "pkg").doc("Package names, name=version, or globs."))
                .param(Param.of("state").str().def("present").choices("absent", "build-dep", "latest", "present", "fixed"))
                .param(Param.of("update_cache").bool().aliases("update-cache").doc("Run apt-get update first."))
                .param(Param.of("cache_valid_time").integer().def(0L).doc("Skip the update when the cache is younger (seconds)."))
                .param(Param.of("update_cache_retries").integer().def(5L).doc("Accepted for compatibility."))
                .param(Param.of("update_cache_retry_max_delay").integer().def(12L).doc("Accepted for compatibility."))
                .param(Param.of("install_recommends").bool().aliases("install-recommends"))
                .param(Param.of("allow_downgrade").bool().def(false).aliases("allow-downgrade", "allow_downgrades", "allow-downgrades"))
                .param(Param.of("allow_change_held_packages").bool().def(false))
                .param(Param.of("allow_unauthenticated").bool().def(false).aliases("allow-unauthenticated"))
                .param(Param.of("force").bool().def(false))
                .param(Param.of("purge").bool().def(false))
                .param(Param.of("autoremove").bool().def(false))
                .param(Param.of("autoclean").bool().def(false))
                .param(Param.of("fail_on_autoremove").bool().def(false))
                .param(Param.of("only_upgrade").bool().def(false))
                .param(Param.of("deb").path().doc("A .deb file on the host, or a URL to fetch it from."))
                .param(Param.of("dpkg_options").str().def("force-confdef,force-confold"))
                .param(Param.of("default_release").str().aliases("default-release"))
                .param(Param.of("upgrade").str().choices("dist", "full", "no", "safe", "yes").doc("Upgrade all packages."))
                .param(Param.of("force_apt_get").bool().def(false).doc("apt-get is always used."))
                .param(Param.of("lock_timeout").integer().def(60L).doc("Accepted for compatibility."))
                .param(Param.of("policy_rc_d").integer().doc("Accepted for compatibility."))
                .requiredOneOf("name", "upgrade", "update_cache", "deb", "autoremove", "autoclean")
                .mutuallyExclusive("deb", "name", "upgrade")
                .diff(true)
                .returns("cache_updated", "whether the cache was updated", "success")
                .returns("cache_update_time", "time of the last cache update (epoch)", "success")
                .returns("stdout", "apt-get output", "when something ran").returns("stderr", "apt-get errors", "when something ran")
                .performance("1 round trip to read state (and refresh the cache), 1 to change it")
                .example("- ansible.builtin.apt:\n    name: [nginx, curl]\n    update_cache: true\n    cache_valid_time: 3600")
                .build();
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String state = a.str("state");
        List<Pkg> specs = new ArrayList<>();
        for (String n : a.strings("name")) {
            String s = n.strip();
            if (s.chars().filter(c -> c == '=').count() > 1) return ModuleResult.failed("invalid package spec: " + s);
            if (!s.equals("*")) specs.add(Pkg.parse(s));
        }
        if (a.has("deb") && !state.equals("present")) return ModuleResult.failed("deb only supports state=present");
        AptQuery q = AptQuery.run(a, ctx, specs, stamp, lists, state.equals("latest"));
        if (q.cacheError() != null) return ModuleResult.failed("Failed to update apt cache: " + q.cacheError());
        String upgrade = a.str("upgrade");
        boolean all = a.strings("name").contains("*");
        if (all && state.equals("latest")) {
            if (!specs.isEmpty()) return ModuleResult.failed("unable to install additional packages when upgrading all installed packages");
            upgrade = "yes";
        }
        if (upgrade != null && !upgrade.equals("no")) return counted(a, ctx, q, AptGet.upgradeVerb(upgrade), List.of());
        if (a.has("deb")) return installDeb(a, ctx, q);
        if (specs.isEmpty() && !all) {
            if (a.bool("autoclean")) return counted(a, ctx, q, "autoclean", List.of());
            if (a.bool("autoremove")) return counted(a, ctx, q, "autoremove", List.of());
            return cacheKeys(ModuleResult.changed(q.cacheUpdated()), q);
        }
        if (state.equals("build-dep")) return counted(a, ctx, q, "build-dep", specs.stream().map(Pkg::name).toList());
        if (state.equals("absent")) return remove(a, ctx, q, specs);
        return install(a, ctx, q, specs, state.equals("latest"));
    }

    private ModuleResult install(ModuleArgs a, ModuleContext ctx, AptQuery q, List<Pkg> specs, boolean latest)
            throws ConnectionException {
        List<String> words = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Pkg p : q.expand(specs)) {
            if (p.name().isEmpty()) return ModuleResult.failed("No package matching '" + p.spec() + "' is available");
            names.add(p.name());
            boolean have = q.dpkg().installed(p.name(), p.version());
            if (!have && a.bool("only_upgrade") && !q.dpkg().installed(p.name())) continue;
            if (!have || latest && p.version() == null && q.upgradable(p.name())) words.add(p.spec());
        }
        if (words.isEmpty()) return cacheKeys(ModuleResult.ok(), q);
        String cmd = AptGet.command(a, ctx.check(), "install", words);
        if (!ctx.check()) cmd = markManual(cmd, names);
        ExecResult r = ctx.sh(cmd);
        if (!r.ok()) return failed(cmd, r, words);
        return cacheKeys(ran(ctx, r, true), q);
    }

    /** The keys of a run apt-get: stdout, stderr and, with --diff, Ansible's {@code prepared} excerpt. */
    private static ModuleResult ran(ModuleContext ctx, ExecResult r, boolean changed) {
        ModuleResult res = ModuleResult.changed(changed).put("stdout", r.out()).put("stderr", r.err());
        return ctx.diff() ? res.put("diff", Map.of("prepared", prepared(r.out()))) : res;
    }

    /** apt-get's output from after "Reading state information..." to the "N upgraded" line, as Ansible shows it. */
    static String prepared(String out) {
        List<String> lines = List.of(out.split("\n", -1));
        int start = lines.indexOf("Reading state information...") + 1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("[0-9]+ (packages )?upgraded.*")) {
                end = i + 1;
                break;
            }
        }
        return String.join("\n", lines.subList(Math.min(start, end), end));
    }

    private static String markManual(String cmd, List<String> names) {
        StringBuilder sb = new StringBuilder(cmd).append("; rc=$?; [ $rc -ne 0 ] || apt-mark manual");
        for (String n : names) sb.append(' ').append(ShellCommand.quote(n));
        return sb.append(" >/dev/null 2>&1; exit $rc").toString();
    }

    private ModuleResult remove(ModuleArgs a, ModuleContext ctx, AptQuery q, List<Pkg> specs) throws ConnectionException {
        List<String> words = new ArrayList<>();
        for (Pkg p : q.expandInstalled(specs)) {
            DpkgStatus.Entry e = q.dpkg().get(p.name());
            if (e != null && (e.installed() || a.bool("purge") && e.hasFiles())) words.add(p.name());
        }
        if (words.isEmpty()) return ModuleResult.ok();
        String cmd = AptGet.command(a, ctx.check(), "remove", words);
        ExecResult r = ctx.sh(cmd);
        if (!r.ok()) {
            return ModuleResult.failed("'apt-get remove " + String.join(" ", words) + "' failed: " + r.err())
                    .put("stdout", r.out()).put("stderr", r.err()).put("rc", (long) r.rc());
        }
        return ran(ctx, r, true);
    }

    private ModuleResult installDeb(ModuleArgs a, ModuleContext ctx, AptQuery q) throws ConnectionException {
        AptQuery.Deb deb = q.deb();
        if (deb == null) return ModuleResult.failed("Unable to install package: cannot read " + a.str("deb"));
        if (q.dpkg().installed(deb.name(), deb.version()) && !a.bool("force")) {
            if (a.str("deb").contains("://")) ctx.sh("rm -f " + ShellCommand.quote(deb.file()));
            return cacheKeys(ModuleResult.ok(), q);
        }
        String cmd = AptGet.command(a, ctx.check(), "install", List.of(deb.file()));
        boolean fetched = a.str("deb").contains("://");
        ExecResult r = ctx.sh(fetched ? cmd + "; rc=$?; rm -f " + ShellCommand.quote(deb.file()) + "; exit $rc" : cmd);
        if (!r.ok()) return failed(cmd, r, List.of(deb.file()));
        return cacheKeys(ran(ctx, r, true), q);
    }

    /** Runs an apt-get verb whose effect is only known from its output (upgrade, build-dep, autoremove, autoclean). */
    private ModuleResult counted(ModuleArgs a, ModuleContext ctx, AptQuery q, String verb, List<String> words)
            throws ConnectionException {
        String cmd = AptGet.command(a, ctx.check(), verb, words);
        ExecResult r = ctx.sh(cmd);
        if (!r.ok()) {
            return ModuleResult.failed("'apt-get " + verb + "' failed: " + r.err()).put("stdout", r.out()).put("stderr", r.err())
                    .put("rc", (long) r.rc());
        }
        boolean changed = !r.out().contains(AptGet.ZERO) && !r.out().startsWith(AptGet.ZERO.substring(1));
        ModuleResult res = ran(ctx, r, changed).put("msg", r.out());
        return verb.equals("build-dep") ? cacheKeys(res, q) : res;
    }

    private static ModuleResult failed(String cmd, ExecResult r, List<String> words) {
        String err = r.err();
        for (String w : words) {
            if (err.contains("Unable to locate package " + w) || err.contains("has no installation candidate")) {
                return ModuleResult.failed("No package matching '" + w + "' is available").put("rc", (long) r.rc());
            }
        }
        return ModuleResult.failed("'" + cmd + "' failed: " + err).put("stdout", r.out()).put("stderr", err).put("rc", (long) r.rc());
    }

    private static ModuleResult cacheKeys(ModuleResult r, AptQuery q) {
        return r.put("cache_updated", q.cacheUpdated()).put("cache_update_time", q.cacheTime());
    }

    /** A requested package: {@code name} or {@code name=version} (the version may be a glob). */
    record Pkg(String name, String version, String spec) {
        static Pkg parse(String s) {
            int eq = s.indexOf('=');
            return eq < 0 ? new Pkg(s, null, s) : new Pkg(s.substring(0, eq), s.substring(eq + 1), s);
        }
    }
}
