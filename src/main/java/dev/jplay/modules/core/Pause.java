package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;

/**
 * {@code pause}: waits for a time, or (without one) asks the user on the terminal and returns what was typed as
 * {@code user_input}; without a terminal it does not wait, as in Ansible. The executor runs it once for all hosts.
 */
public final class Pause implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("pause")
            .doc("Pause playbook execution", "Waits for seconds or minutes, or until the user presses Enter at a prompt.")
            .param(Param.of("seconds").type(ParamType.INT).doc("Seconds to wait."))
            .param(Param.of("minutes").type(ParamType.INT).doc("Minutes to wait."))
            .param(Param.of("prompt").str().doc("Text to show; without a time it waits for Enter."))
            .param(Param.of("echo").bool().def(true).doc("Show what the user types."))
            .mutuallyExclusive("minutes", "seconds")
            .returns("user_input", "what the user typed", "with prompt")
            .example("- ansible.builtin.pause:\n    seconds: 10")
            .performance("no round trip")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    /** Seconds to wait, or -1 to wait for the user. */
    public static double seconds(ModuleArgs args) {
        if (args.has("seconds")) return Double.parseDouble(String.valueOf(args.get("seconds")));
        if (args.has("minutes")) return 60 * Double.parseDouble(String.valueOf(args.get("minutes")));
        return -1;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        double s = seconds(args);
        long start = System.currentTimeMillis();
        String input = "";
        if (s < 0) {
            String prompt = args.has("prompt") ? args.str("prompt") : "Press enter to continue, Ctrl+C to interrupt";
            String typed = ctx.ask(prompt + (args.bool("echo") ? "" : " (output is hidden)"), args.bool("echo"));
            if (typed == null) ctx.warn("Not waiting for response to prompt as stdin is not interactive");
            else input = typed;
        }
        try {
            Thread.sleep((long) (Math.max(0, s) * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long secs = Math.round((System.currentTimeMillis() - start) / 1000.0);
        return ModuleResult.ok().put("delta", secs).put("echo", args.bool("echo")).put("rc", 0L)
                .put("stderr", "").put("stdout", "Paused for " + dev.jplay.data.Py.str(s < 60 || args.has("seconds") ? (Object) s : s / 60)
                        + (args.has("minutes") ? " minutes" : " seconds")).put("user_input", input);
    }
}
