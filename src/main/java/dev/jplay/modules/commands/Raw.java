package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;

/** {@code raw}: run a command line as it is, nothing else (jplay needs no Python anyway). */
public final class Raw implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("raw")
            .doc("Executes a low-down and dirty command", "Runs the free-form text through the shell, output unprocessed.")
            .freeForm("_raw_params")
            .param(Param.of("_raw_params").str().required().doc("The command line."))
            .param(Param.of("executable").path().doc("The shell to use."))
            .checkMode(false)
            .returns("rc", "exit status", "always").returns("stdout", "standard output", "always")
            .example("- ansible.builtin.raw: test -e /usr/bin/python3 || echo no python")
            .performance("1 round trip")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ExecRequest req = ExecRequest.of(a.str("_raw_params"));
        if (a.has("executable")) req = req.withExecutable(a.str("executable"));
        ExecResult r = ctx.exec(req);
        ModuleResult out = ModuleResult.changed(true).put("rc", (long) r.rc()).put("stdout", r.out()).put("stderr", r.err())
                .put("stdout_lines", ModuleResult.splitLines(r.out())).put("stderr_lines", ModuleResult.splitLines(r.err()));
        if (r.rc() != 0) out.fail("non-zero return code");
        return out;
    }
}
