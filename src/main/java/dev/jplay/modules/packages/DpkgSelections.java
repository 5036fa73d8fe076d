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

/** {@code dpkg_selections}: holds (or un-holds, deinstalls, purges) a package's dpkg selection. */
public final class DpkgSelections implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("dpkg_selections").fqcn("ansible.builtin.dpkg_selections")
            .doc("Dpkg package selection selections", "Changes the dpkg selection state of a package (e.g. hold).")
            .param(Param.of("name").str().required())
            .param(Param.of("selection").str().required().choices("install", "hold", "deinstall", "purge"))
            .returns("before", "the selection before", "always").returns("after", "the selection after", "always")
            .performance("1 round trip to read, 1 to change")
            .example("- ansible.builtin.dpkg_selections:\n    name: kubelet\n    selection: hold")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        String selection = a.str("selection");
        ExecResult q = ctx.sh("dpkg --get-selections " + ShellCommand.quote(name));
        if (!q.ok()) return ModuleResult.failed(q.err().strip()).put("rc", (long) q.rc());
        String[] f = q.out().strip().split("\\s+");
        String current = f.length < 2 ? "not present" : f[1];
        boolean changed = !current.equals(selection);
        ModuleResult r = ModuleResult.changed(changed).put("before", current).put("after", selection);
        if (ctx.check() || !changed) return r;
        ExecResult s = ctx.sh("echo " + ShellCommand.quote(name + " " + selection) + " | dpkg --set-selections");
        return s.ok() ? r : r.fail(s.err().strip()).put("rc", (long) s.rc());
    }
}
