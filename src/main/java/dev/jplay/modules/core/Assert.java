package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.List;

/** {@code assert}: evaluates conditions like {@code when:}; fails at the first false one. */
public final class Assert implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("assert")
            .doc("Asserts given expressions are true", "Each entry of 'that' is a conditional as in 'when:'.")
            .param(Param.of("that").raw().required().notTemplated().doc("Conditions that must all be true: a list, or one "
                    + "condition (a string is never split at its commas)."))
            .param(Param.of("fail_msg").raw().aliases("msg").doc("Message when an assertion fails."))
            .param(Param.of("success_msg").raw().doc("Message when all assertions pass."))
            .param(Param.of("quiet").type(ParamType.BOOL).def(false).doc("Do not print the result when it passes."))
            .returns("assertion", "the first failing condition", "on failure")
            .example("- ansible.builtin.assert:\n    that:\n      - ansible_distribution == 'Ubuntu'\n      - ansible_memtotal_mb >= 1700\n"
                    + "    fail_msg: kubeadm needs Ubuntu and 2 GB")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        ModuleResult r = ModuleResult.ok();
        if (!args.bool("quiet")) r.put("_ansible_verbose_always", true);
        List<?> thats = args.get("that") instanceof List<?> l ? l : List.of(args.get("that")); // as Ansible's assert action
        for (Object that : thats) {
            if (!ctx.condition(that)) {
                r.put("failed", true).put("evaluated_to", false).put("assertion", that);
                return r.put("msg", args.has("fail_msg") ? args.get("fail_msg") : "Assertion failed");
            }
        }
        return r.put("msg", args.has("success_msg") ? args.get("success_msg") : "All assertions passed");
    }
}
