package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code expect}: runs a command in a terminal and answers its prompts, without Python on the host.
 *
 * <p><b>Design: {@code script}-based, the answers matched on the controller.</b> The host runs the command under
 * util-linux {@code script -qefc} (in every Debian/Ubuntu/RHEL base system: bsdutils/util-linux), which gives it a
 * pseudo-terminal ({@code stty rows 24 cols 80}, echo off unless {@code echo}, as pexpect sets it) and relays the
 * terminal to the connection's ordinary stdin and stdout. The controller matches the output with Python-compatible
 * regexes ({@link Expectations}, bytes semantics as pexpect's) and writes each answer to stdin as its question
 * arrives ({@link dev.jplay.connection.Dialog}). Chosen over an SSH PTY channel because it is one code path for
 * every connection type (ssh, local, chroot, and the in-JVM test sshd, whose commands get no real terminal), keeps
 * become as it is (sudo reads its password from stdin before {@code script} starts; a PTY would merge its prompt
 * into the output), and keeps stdout apart from the driver's own errors. Chosen over a driver on the host because
 * matching Python regexes needs the controller's {@code PyRegex}, not {@code sh}. The answers, often passwords,
 * only ever travel on stdin: never in a command line (so never in {@code ps}), a log or a trace.
 *
 * <p>One round trip: {@code creates}/{@code removes} and the program lookup (pexpect's "not found or not
 * executable") run in the same command, before {@code script}. Results and messages as Ansible 2.14's module
 * (recorded cases in ExpectTest).
 */
public final class Expect implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("expect")
            .doc("Executes a command and responds to prompts",
                    "Runs the command (not through a shell: pexpect's word splitting) in a terminal on the host (util-linux "
                            + "script) and answers each prompt that matches a regex of responses; the controller does the "
                            + "matching and sends the answers on stdin only. Always reports changed unless creates/removes skip it.")
            .param(Param.of("command").str().required().doc("The command to run (split into words as pexpect does, no shell)."))
            .param(Param.of("chdir").path().doc("Change into this directory before running the command."))
            .param(Param.of("creates").path().doc("Skip when this path exists (relative to chdir)."))
            .param(Param.of("removes").path().doc("Run only when this path exists (relative to chdir)."))
            .param(Param.of("responses").dict().required()
                    .doc("Python regex (bytes, DOTALL) → answer; a list of answers is given in turn, one per match."))
            .param(Param.of("timeout").integer().def(30L).keepsNull()
                    .doc("Seconds to wait for each expected string (or the end of the output); null: no timeout."))
            .param(Param.of("echo").bool().def(false).doc("Whether the terminal echoes the answers into the output."))
            .checkMode(false).diff(false)
            .returns("cmd", "the command as given", "always").returns("stdout", "the terminal's output", "when run")
            .returns("stdout_lines", "stdout split into lines", "when run").returns("rc", "exit status (null on timeout)", "always")
            .returns("start", "start time", "when run").returns("end", "end time", "when run").returns("delta", "run time", "when run")
            .performance("1 round trip (a channel of its own: the answers are written while the command runs)")
            .example("- ansible.builtin.expect:\n    command: passwd deploy\n    responses:\n      (?i)password: \"{{ deploy_password }}\"\n"
                    + "  no_log: true")
            .build();
    private static final String MARK = "__JPLAY_EXPECT_";

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String command = a.str("command");
        if (command.strip().isEmpty()) return ModuleResult.ok().put("rc", 256L).fail("no command given");
        String token = ShellCommand.token();
        String start = MARK + token + "__ go\n";
        Expectations talk;
        try {
            Long t = a.integer("timeout");
            talk = Expectations.of(a.dict("responses"), t == null ? null : Duration.ofSeconds(t), start);
        } catch (RuntimeException e) {
            return ModuleResult.failed(e.getMessage());
        }
        String skip = MARK + token + "__ ";
        String script = hostScript(ExpectWords.split(command), a.str("creates"), a.str("removes"), a.bool("echo"), skip);
        LocalDateTime begun = LocalDateTime.now();
        ExecResult res = ctx.exec(ExecRequest.of(script).withChdir(a.str("chdir")).withDialog(talk));
        LocalDateTime end = LocalDateTime.now();
        String out = res.out();
        ModuleResult r = ModuleResult.ok().put("cmd", command);
        int at = out.indexOf(start);
        if (at < 0 && out.startsWith(skip)) return skipped(r, out.substring(skip.length()).strip(), a, command);
        if (at < 0) {
            String why = (res.err().strip() + "\n" + out.strip()).strip();
            return r.put("rc", (long) res.rc()).fail("the command could not be started: " + (why.isEmpty() ? "rc " + res.rc() : why));
        }
        if (talk.failure() != null) return ModuleResult.failed(talk.failure());
        String stdout = RunCommand.stripEnds(out.substring(at + start.length()));
        r.setChanged(true).put("stdout", stdout).put("rc", talk.timedOut() ? null : (Object) (long) res.rc())
                .put("start", begun.format(RunCommand.TS)).put("end", end.format(RunCommand.TS))
                .put("delta", RunCommand.delta(Duration.between(begun, end))).put("stdout_lines", ModuleResult.splitLines(stdout));
        if (talk.timedOut()) r.fail("command exceeded timeout");
        else if (res.rc() != 0) r.fail("non-zero return code");
        return r;
    }

    /**
     * The host's side: creates/removes (plain paths, as os.path.exists, relative to chdir), the program lookup,
     * {@code script} present, then the start marker and the command in a terminal. A skip prints {@code skip} and
     * one letter: {@code c} creates exists, {@code r} removes does not, {@code x} no such program, {@code s} no script.
     */
    static String hostScript(List<String> words, String creates, String removes, boolean echo, String skip) {
        StringBuilder sb = new StringBuilder();
        String say = "echo " + ShellCommand.quote(skip);
        if (creates != null) sb.append("if [ -e ").append(ShellCommand.quote(creates)).append(" ]; then ").append(say).append("c; exit 0; fi; ");
        if (removes != null) sb.append("if [ ! -e ").append(ShellCommand.quote(removes)).append(" ]; then ").append(say).append("r; exit 0; fi; ");
        String prog = words.isEmpty() ? "" : words.get(0);
        String missing = prog.isEmpty() ? "true" : String.join(" || ", CommandWords.notRunTests(prog).values());
        sb.append("if ").append(missing).append("; then ").append(say).append("x; exit 0; fi; ");
        sb.append("command -v script >/dev/null 2>&1 || { ").append(say).append("s; exit 0; }; ");
        String inTerminal = "SHELL=$_jplay_shell; unset _jplay_shell; stty rows 24 cols 80" + (echo ? "" : " -echo") + " 2>/dev/null; exec "
                + words.stream().map(ShellCommand::quote).collect(Collectors.joining(" "));
        String startLine = ShellCommand.quote(skip.substring(0, skip.length() - 1) + " go");
        sb.append("echo ").append(startLine).append("; _jplay_shell=${SHELL-} SHELL=/bin/sh exec script -qefc ")
                .append(ShellCommand.quote(inTerminal)).append(" /dev/null");
        return sb.toString();
    }

    private static ModuleResult skipped(ModuleResult r, String why, ModuleArgs a, String command) {
        String prog = ExpectWords.split(command).stream().findFirst().orElse("");
        return switch (why) {
            case "c" -> withLines(r.put("stdout", "skipped, since " + a.str("creates") + " exists").put("rc", 0L));
            case "r" -> withLines(r.put("stdout", "skipped, since " + a.str("removes") + " does not exist").put("rc", 0L));
            case "x" -> ModuleResult.failed("The command was not found or was not executable: " + prog + ".");
            default -> ModuleResult.failed("expect runs the command in a terminal made by util-linux's script, which the host lacks "
                    + "(install util-linux or bsdutils)");
        };
    }

    private static ModuleResult withLines(ModuleResult r) {
        return r.put("stdout_lines", ModuleResult.splitLines(String.valueOf(r.get("stdout"))));
    }
}
