package dev.jplay.modules.core;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.python.Interpreter;
import java.util.Map;

/**
 * {@code ping}: proves the host can be reached and a command runs there (no Python needed). Where Ansible's ping
 * would discover the host's Python (ansible_python_interpreter unset or auto*, not discovered yet), it looks for it
 * in the same round trip and reports it as the {@code discovered_interpreter_python} fact, as Ansible's does; a host
 * without Python still answers pong.
 */
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
        if ("crash".equals(args.str("data"))) return crash();
        boolean discover = Interpreter.known(ctx).isEmpty();
        var r = ctx.sh(discover ? Interpreter.probe() : "true");
        if (!r.ok()) return ModuleResult.failed("the host could not run a command: " + r.err().strip());
        ModuleResult ok = ModuleResult.ok().put("ping", args.str("data"));
        String found = r.out().strip();
        if (discover && !found.isEmpty()) ok.put("ansible_facts", Map.of("discovered_interpreter_python", found));
        return ok;
    }

    /** data=crash: Ansible's ping raises an exception, which reaches the task as the module's traceback. */
    private static ModuleResult crash() {
        String trace = "Traceback (most recent call last):\n  File \"ansible/modules/ping.py\", line 79, in main\nException: boom\n";
        return ModuleResult.failed("MODULE FAILURE\nSee stdout/stderr for the exact error").put("module_stdout", "")
                .put("module_stderr", trace).put("exception", trace).put("rc", 1);
    }
}
