package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.HostFiles;
import dev.jplay.modules.probes.Probes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code apt_repository}: adds or removes a one-line apt source. New sources go to
 * {@code sources.list.d/<filename>.list}, named as Ansible names them; an existing disabled copy is re-enabled.
 * One round trip reads all sources files; changed files are written atomically, then the cache is updated.
 */
public final class AptRepository implements Module {
    private final String mainFile;
    private final String dir;
    private final ModuleSpec spec = ModuleSpec.builder("apt_repository").fqcn("ansible.builtin.apt_repository")
            .doc("Add and remove APT repositories", "Manages one-line apt sources in sources.list and sources.list.d.")
            .param(Param.of("repo").str().required().doc("A sources line, e.g. 'deb http://host/debian bookworm main'."))
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("mode").raw().doc("Mode of a new file (default 0644)."))
            .param(Param.of("update_cache").bool().def(true).aliases("update-cache"))
            .param(Param.of("update_cache_retries").integer().def(5L)).param(Param.of("update_cache_retry_max_delay").integer().def(12L))
            .param(Param.of("validate_certs").bool().def(true)).param(Param.of("filename").str().doc("File name without .list."))
            .param(Param.of("codename").str()).param(Param.of("install_python_apt").bool().def(true).doc("Ignored: no Python needed."))
            .diff(true)
            .returns("repo", "the source line", "always").returns("state", "the state asked", "always")
            .performance("1 round trip to read, 1 per changed file, 1 for apt-get update")
            .example("- ansible.builtin.apt_repository:\n    repo: deb [signed-by=/etc/apt/keyrings/docker.asc] "
                    + "https://download.docker.com/linux/ubuntu jammy stable\n    filename: docker")
            .build();

    public AptRepository() {
        this("/etc/apt/sources.list", "/etc/apt/sources.list.d");
    }

    /** Reads and writes sources under other paths; for tests. */
    public AptRepository(String mainFile, String dir) {
        this.mainFile = mainFile;
        this.dir = dir;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String repo = a.str("repo");
        boolean ppa = repo.startsWith("ppa:");
        List<Probes.Part> p = Probes.run(ctx, SourcesList.readScript(mainFile, dir),
                a.has("codename") || !ppa ? "true" : ". /etc/os-release && echo \"${UBUNTU_CODENAME:-$VERSION_CODENAME}\"");
        String codename = a.has("codename") ? a.str("codename") : p.get(1).out().strip();
        Ppa launchpad = ppa ? Ppa.parse(repo, codename) : null;
        SourcesList.Line line = SourcesList.Line.parse(ppa ? launchpad.source() : repo);
        if (!line.valid() || !line.enabled()) return ModuleResult.failed("Invalid repository string: " + repo.strip());
        SourcesList before = SourcesList.parse(p.get(0).out());
        SourcesList after = before.copy();
        String name = a.has("filename") ? a.str("filename") : SourcesList.suggestName(ppa ? repo + "_" + codename : line.source());
        String file = dir + "/" + name + ".list";
        if (a.str("state").equals("present")) after.add(line.source(), file);
        else after.remove(line.source());
        Map<String, String> b = before.dump();
        Map<String, String> c = after.dump();
        boolean changed = !b.equals(c);
        ModuleResult r = ModuleResult.changed(changed).put("repo", repo).put("state", a.str("state"));
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(c.keySet());
        if (changed && ctx.diff()) {
            for (String f : names) {
                r.diff(new Diff(b.getOrDefault(f, ""), c.getOrDefault(f, ""), b.containsKey(f) ? f : "/dev/null",
                        c.containsKey(f) ? f : "/dev/null"));
            }
        }
        if (!changed || ctx.check()) return r;
        if (ppa && a.str("state").equals("present")) {
            ExecResult k = ctx.sh(launchpad.keyScript());
            if (!k.ok()) return r.fail("failed to fetch PPA information, error was: " + k.out().strip());
        }
        for (String f : names) {
            if (!c.containsKey(f)) ctx.sh("rm -f " + ShellCommand.quote(f));
            else if (!c.get(f).equals(b.get(f))) HostFiles.write(ctx, f, c.get(f), b.containsKey(f) ? null : mode(a));
        }
        if (!a.bool("update_cache")) return r;
        ExecResult u = ctx.sh(AptGet.ENV + "apt-get update -q 2>&1");
        return u.ok() ? r : r.fail("Failed to update apt cache: " + u.out().strip());
    }

    private static String mode(ModuleArgs a) {
        Object m = a.get("mode");
        if (m == null) return "0644";
        if (m instanceof Number n) return "0" + Long.toOctalString(n.longValue());
        return m.toString();
    }
}
