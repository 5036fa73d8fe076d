package dev.jplay.modules.core;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;

/** {@code ping}: proves the host can be reached and a command runs there (no Python needed). */
public final class Ping implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("ping")
            .doc("Try to connect to host and return 'pong' on success", "Runs a trivial command on the host.")
            .param(Param.of("data").str().def("pong").doc("Returned as 'ping'; 'crash' makes the module fail."))
            .returns("ping", "the data value", "success")
            .example("- ansible.builtin.ping:")
            .performance("1 round trip")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        if ("crash".equals(args.str("data"))) return ModuleResult.failed("boom");
        var r = ctx.sh("true");
        if (!r.ok()) return ModuleResult.failed("the host could not run a command: " + r.err().strip());
        return ModuleResult.ok().put("ping", args.str("data"));
    }
}
