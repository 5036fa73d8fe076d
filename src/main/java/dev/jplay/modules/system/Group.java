package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;

/** {@code group}: adds, changes (gid) and removes local groups with groupadd/groupmod/groupdel. */
public final class Group implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("group").fqcn("ansible.builtin.group")
            .doc("Add or remove groups", "Manages local groups.")
            .param(Param.of("name").str().required())
            .param(Param.of("gid").integer())
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("system").bool().def(false))
            .param(Param.of("local").bool().def(false).doc("Accepted; the local tools are always used."))
            .param(Param.of("non_unique").bool().def(false))
            .returns("gid", "the group id", "when present").returns("name", "the group", "always")
            .returns("state", "the state asked", "always").returns("system", "a system group", "when present")
            .performance("1 round trip to read, 1 to change (it reads the result back in the same command)")
            .example("- ansible.builtin.group:\n    name: docker\n    state: present")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        String q = ShellCommand.quote(name);
        String[] cur = fields(ctx.sh("getent group " + q).out());
        boolean present = a.str("state").equals("present");
        String cmd = null;
        if (!present && cur != null) cmd = "groupdel " + q;
        if (present && cur == null) {
            cmd = "groupadd" + (a.has("gid") ? " -g " + a.integer("gid") : "") + (a.bool("non_unique") ? " -o" : "")
                    + (a.bool("system") ? " -r" : "") + " " + q;
        }
        if (present && cur != null && a.has("gid") && !cur[2].equals(String.valueOf(a.integer("gid")))) {
            cmd = "groupmod -g " + a.integer("gid") + (a.bool("non_unique") ? " -o" : "") + " " + q;
        }
        ModuleResult r = ModuleResult.ok().put("name", name).put("state", a.str("state"));
        if (cmd != null && ctx.check() && (cur == null || !present)) return ModuleResult.changed(true);
        if (cmd != null && !ctx.check()) {
            ExecResult res = ctx.sh(cmd + " 2>&1 || exit $?; getent group " + q + " || true");
            if (!res.ok()) return ModuleResult.failed(res.out().strip()).put("name", name);
            cur = fields(res.out());
        }
        r.setChanged(cmd != null);
        if (cur != null && present) r.put("system", a.bool("system")).put("gid", Long.parseLong(cur[2]));
        return r;
    }

    /** The last {@code name:x:gid:members} line of getent's output, or null. */
    private static String[] fields(String out) {
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1];
        return last.isEmpty() ? null : last.split(":", -1);
    }
}
