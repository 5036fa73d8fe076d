package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.modules.jobs.Detachable;
import dev.jplay.modules.jobs.HostJob;

/** {@code command} and {@code shell}: run a command on the host (shell: through {@code /bin/sh}, pipes and all). */
public final class Command implements Module, Detachable {
    private final boolean shell;
    private final ModuleSpec spec;

    private Command(boolean shell) {
        this.shell = shell;
        ModuleSpec.Builder b = ModuleSpec.builder(shell ? "shell" : "command")
                .doc(shell ? "Execute shell commands on targets" : "Execute commands on targets",
                        shell ? "Runs the free-form command through /bin/sh (or executable) on the host: pipes, redirects and "
                                + "variables work. Always reports changed unless creates/removes skip it or changed_when says otherwise."
                                : "Runs the command on the host without a shell (no pipes, globbing or variables). Always reports "
                                + "changed unless creates/removes skip it or changed_when says otherwise.")
                .freeForm("_raw_params")
                .param(Param.of("_raw_params").str().doc("The command (free form)."))
                .param(Param.of("cmd").str().doc("The command, as a parameter."))
                .param(Param.of("chdir").path().doc("Change into this directory first."))
                .param(Param.of("creates").path().doc("Skip when this path (glob) exists."))
                .param(Param.of("removes").path().doc("Run only when this path (glob) exists."))
                .param(Param.of("stdin").str().doc("Text fed to the command's stdin."))
                .param(Param.of("stdin_add_newline").bool().def(true).doc("Append a newline to stdin."))
                .param(Param.of("strip_empty_ends").bool().def(true).doc("Strip trailing newlines from stdout and stderr."))
                .param(Param.of("warn").bool().doc("Accepted for compatibility; ignored."))
                .returns("rc", "exit status", "always").returns("stdout", "standard output", "always")
                .returns("stderr", "standard error", "always").returns("stdout_lines", "stdout split into lines", "always")
                .returns("cmd", "the command run", "always").returns("delta", "run time", "always")
                .performance("1 round trip (creates/removes are checked in the same command)")
                .example(shell ? "- ansible.builtin.shell: swapon --show | wc -l\n  register: swaps\n  changed_when: false"
                        : "- ansible.builtin.command: kubeadm token create --print-join-command\n  register: join\n  changed_when: false");
        if (shell) b.param(Param.of("executable").path().doc("The shell to use (default /bin/sh)."));
        else {
            b.param(Param.of("argv").list(ParamType.STR).doc("The command as a list of words (no quoting needed)."));
            b.param(Param.of("executable").path().doc("Not supported by command (ignored with a warning)."));
        }
        this.spec = b.build();
    }

    public static Command command() {
        return new Command(false);
    }

    public static Command shell() {
        return new Command(true);
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        ModuleArgs a = withCmd(args);
        ModuleResult r = RunCommand.run(a, ctx, shell);
        if (!shell && a.has("executable")) {
            // the module's own warning (module.warn): in the result's warnings, which the output shows
            r.warn("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '"
                    + a.str("executable") + "'.");
        }
        return r;
    }

    @Override
    public HostJob detach(ModuleArgs args, ModuleContext ctx) {
        return RunCommand.job(withCmd(args), shell);
    }

    /** {@code cmd} as the free-form text when there is none. */
    private static ModuleArgs withCmd(ModuleArgs args) {
        if (!args.has("cmd") || args.has("_raw_params")) return args;
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(args.all());
        m.put("_raw_params", args.get("cmd"));
        return new ModuleArgs(m);
    }
}
