package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.nio.file.Path;
import java.util.List;

/** {@code script}: copy a controller script to the host, run it with its arguments, remove it. */
public final class Script implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("script")
            .doc("Runs a local script on a remote node after transferring it", "The free form is the script path (searched in "
                    + "files/) followed by its arguments.")
            .freeForm("_raw_params")
            .param(Param.of("_raw_params").str().doc("Script path and arguments."))
            .param(Param.of("cmd").str().doc("Script path and arguments, as a parameter."))
            .param(Param.of("creates").path().doc("Skip when this path exists on the host."))
            .param(Param.of("removes").path().doc("Run only when this path exists on the host."))
            .param(Param.of("chdir").path().doc("Change into this directory first."))
            .param(Param.of("executable").str().doc("Interpreter to run the script with."))
            .returns("rc", "exit status", "always").returns("stdout", "standard output", "always")
            .example("- ansible.builtin.script: files/bootstrap.sh --fast")
            .performance("2 round trips (upload, run and remove); 1 more with creates or removes")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String text = a.has("cmd") ? a.str("cmd") : a.str("_raw_params");
        if (a.has("creates") && exists(ctx, a.str("creates"))) return skipped(a.str("creates") + " exists, matching creates option");
        if (a.has("removes") && !exists(ctx, a.str("removes"))) {
            return skipped(a.str("removes") + " does not exist, matching removes option");
        }
        if (a.has("chdir") && !a.str("chdir").startsWith("/")) {
            return ModuleResult.failed("chdir " + a.str("chdir") + " must be an absolute path for a Unix-aware remote node");
        }
        if (text == null || text.isBlank()) return ModuleResult.failed("script requires a script path");
        List<String> words = ShellWords.split(text);
        Path local = ctx.findFile(words.get(0), "files");
        if (local == null) return ModuleResult.failed("Could not find or access '" + words.get(0) + "' on the Ansible Controller.");
        if (ctx.check()) {
            // with creates/removes the task would run (it was not skipped above); without, the script's effect is unknown
            if (a.has("creates") || a.has("removes")) return ModuleResult.changed(true);
            return skipped("Check mode is not supported for this task.");
        }
        String remote = "/tmp/.jplay-script-" + ShellCommand.token() + "-" + local.getFileName();
        StringBuilder cmd = new StringBuilder();
        ctx.put(local, remote, new FileAttrs("0700", null, null));
        cmd.append(a.has("executable") ? a.str("executable") + " " : "").append(ShellCommand.quote(remote));
        for (String w : words.subList(1, words.size())) cmd.append(' ').append(ShellCommand.quote(w));
        String run = "trap 'rm -f " + ShellCommand.quote(remote) + "' EXIT; " + cmd;
        ExecResult r = ctx.exec(dev.jplay.connection.ExecRequest.of(run).withChdir(a.str("chdir")));
        ModuleResult out = ModuleResult.changed(true).put("rc", (long) r.rc()).put("stdout", r.out()).put("stderr", r.err())
                .put("stdout_lines", ModuleResult.splitLines(r.out())).put("stderr_lines", ModuleResult.splitLines(r.err()));
        if (r.rc() != 0) out.fail("non-zero return code");
        return out;
    }

    /** Ansible's {@code _remote_file_exists}: {@code test -e} on the path as written (no glob). */
    private static boolean exists(ModuleContext ctx, String path) throws ConnectionException {
        return ctx.sh("test -e " + ShellCommand.quote(path)).rc() == 0;
    }

    private static ModuleResult skipped(String msg) {
        return ModuleResult.ok().put("skipped", true).msg(msg);
    }
}
