package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;

/** {@code fail}: fails the task with a message. */
public final class Fail implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("fail")
            .doc("Fail with custom message", "Fails the task, usually together with 'when'.")
            .param(Param.of("msg").raw().def("Failed as requested from task").doc("The message shown."))
            .example("- ansible.builtin.fail:\n    msg: \"swap must be off\"\n  when: ansible_swaptotal_mb > 0")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        ModuleResult r = ModuleResult.ok();
        r.put("failed", true);
        return r.put("msg", args.get("msg"));
    }
}
