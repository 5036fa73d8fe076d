package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.data.Json;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.jobs.HostJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code command} and {@code shell} share: {@code creates}/{@code removes} checked in the same round trip as the
 * command itself, check mode, stdin, result keys ({@code cmd}, {@code rc}, {@code stdout(_lines)}, {@code start},
 * {@code end}, {@code delta}) and messages exactly as Ansible's command module returns them.
 */
final class RunCommand {
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String SKIP = "__JPLAY_SKIP_" + "7f3a__";
    /** After the skip marker: chdir could not be entered; then the errno. */
    private static final String CHDIR = "d";

    private RunCommand() {}

    static ModuleResult run(ModuleArgs a, ModuleContext ctx, boolean shell) throws ConnectionException {
        String raw = a.str("_raw_params");
        List<String> argv = a.strings("argv");
        ModuleResult r = ModuleResult.ok();
        if ((raw == null || raw.isBlank()) && argv.isEmpty()) return fail(r, 256, "no command given");
        if (raw != null && !raw.isBlank() && !argv.isEmpty()) return fail(r, 256, "only command or argv can be given, not both");
        Line l = line(raw, argv, shell, false);
        String line = l.text();
        r.put("cmd", l.cmd());
        String creates = a.str("creates");
        String removes = a.str("removes");
        String chdir = a.str("chdir");
        if (chdir != null && chdir.isEmpty()) chdir = null;
        String verb = ctx.check() ? "Would" : "Did";
        StringBuilder script = new StringBuilder();
        if (chdir != null) script.append(Chdir.enter(chdir, SKIP + CHDIR));
        if (creates != null) script.append("if ").append(exists(creates)).append("; then echo ").append(SKIP).append("c; exit 0; fi; ");
        if (removes != null) script.append("if ! ").append(exists(removes)).append("; then echo ").append(SKIP).append("r; exit 0; fi; ");
        if (ctx.check()) {
            boolean guarded = creates != null || removes != null;
            if (!guarded && chdir == null) return wouldRun(r);
            script.append("echo ").append(SKIP).append(guarded ? "run" : "skip");
        } else {
            script.append(line);
        }
        ExecRequest req = ExecRequest.of(script.toString());
        if (shell && a.has("executable")) req = req.withExecutable(a.str("executable"));
        if (a.has("stdin")) {
            String in = a.str("stdin") + (a.bool("stdin_add_newline") ? "\n" : "");
            req = req.withStdin(in.getBytes(StandardCharsets.UTF_8));
        }
        LocalDateTime start = LocalDateTime.now();
        ExecResult res = ctx.exec(req);
        LocalDateTime end = LocalDateTime.now();
        String out = res.out();
        if (!shell && out.startsWith(SKIP + CommandWords.NOT_RUN)) return CommandWords.notRun(r, out.substring(SKIP.length() + 1));
        if (out.startsWith(SKIP)) {
            String what = out.substring(SKIP.length()).strip();
            if (what.startsWith(CHDIR)) return Chdir.failed(r, Integer.parseInt(what.substring(CHDIR.length())), chdir);
            if (what.equals("skip")) return wouldRun(r);
            if (what.equals("run")) {
                return r.setChanged(true).put("rc", 0L).put("stdout", "").put("stderr", "")
                        .put("msg", "Command would have run if not in check mode").put("start", null).put("end", null)
                        .put("delta", null).put("stdout_lines", List.of()).put("stderr_lines", List.of());
            }
            boolean c = what.equals("c");
            return skipped(r, c ? creates : removes, c, verb);
        }
        String stdout = a.bool("strip_empty_ends") ? stripEnds(out) : out;
        String stderr = a.bool("strip_empty_ends") ? stripEnds(res.err()) : res.err();
        r.setChanged(true).put("rc", (long) res.rc()).put("stdout", stdout).put("stderr", stderr).put("start", start.format(TS))
                .put("end", end.format(TS)).put("delta", delta(Duration.between(start, end))).put("msg", "")
                .put("stdout_lines", ModuleResult.splitLines(stdout)).put("stderr_lines", ModuleResult.splitLines(stderr));
        if (res.rc() != 0) r.fail("non-zero return code");
        return r;
    }

    /**
     * The command as a job that runs detached on the host (async): the same command line, creates/removes, chdir,
     * stdin and result keys as {@link #run}.
     */
    static HostJob job(ModuleArgs a, boolean shell) {
        String raw = a.str("_raw_params");
        List<String> argv = a.strings("argv");
        ModuleResult r = ModuleResult.ok();
        if ((raw == null || raw.isBlank()) && argv.isEmpty()) return HostJob.answer(fail(r, 256, "no command given").toMap());
        if (raw != null && !raw.isBlank() && !argv.isEmpty()) {
            return HostJob.answer(fail(r, 256, "only command or argv can be given, not both").toMap());
        }
        Line l = line(raw, argv, shell, true);
        Map<String, String> skips = new LinkedHashMap<>();
        String chdir = a.str("chdir");
        if (chdir != null && !chdir.isEmpty()) {
            Chdir.failTests(chdir).forEach((errno, test) ->
                    skips.put(test, Json.write(Chdir.failed(ModuleResult.ok().put("cmd", l.cmd()), errno, chdir).toMap())));
        }
        String creates = a.str("creates");
        String removes = a.str("removes");
        if (creates != null) skips.put(exists(creates), Json.write(skipped(ModuleResult.ok().put("cmd", l.cmd()), creates, true, "Did").toMap()));
        if (removes != null) skips.put("! " + exists(removes), Json.write(skipped(ModuleResult.ok().put("cmd", l.cmd()), removes, false, "Did").toMap()));
        if (!shell && l.cmd() instanceof List<?> words && CommandWords.unexpanded(String.valueOf(words.get(0)))) {
            String prog = String.valueOf(words.get(0));
            CommandWords.notRunTests(prog).forEach((errno, test) ->
                    skips.put(test, Json.write(CommandWords.notRun(ModuleResult.ok().put("cmd", l.cmd()), errno + " " + prog).toMap())));
        }
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("changed", true);
        first.put("cmd", l.cmd());
        String head = Json.write(first);
        byte[] stdin = a.has("stdin") ? (a.str("stdin") + (a.bool("stdin_add_newline") ? "\n" : "")).getBytes(StandardCharsets.UTF_8) : null;
        String sh = shell && a.has("executable") ? a.str("executable") : "/bin/sh";
        return HostJob.command(skips, l.text(), sh, a.str("chdir"), stdin, a.bool("strip_empty_ends"),
                head.substring(0, head.length() - 1));
    }

    /** The shell line that runs the command (shell: as written; command: its words quoted), and the {@code cmd} key. */
    private record Line(String text, Object cmd) {}

    private static Line line(String raw, List<String> argv, boolean shell, boolean detached) {
        if (shell) return new Line(raw, raw);
        List<String> words = raw != null && !raw.isBlank() ? ShellWords.split(raw) : argv;
        return new Line(detached ? CommandWords.execDetached(words) : CommandWords.exec(words, SKIP), new ArrayList<Object>(words));
    }

    /** Check mode without creates/removes: the task is skipped. */
    private static ModuleResult wouldRun(ModuleResult r) {
        // stdout_lines/stderr_lines as Ansible's action adds them to any result with stdout
        return r.put("rc", 0L).put("stdout", "").put("stderr", "").put("msg", "Command would have run if not in check mode")
                .put("skipped", true).put("start", null).put("end", null).put("delta", null)
                .put("stdout_lines", List.of()).put("stderr_lines", List.of());
    }

    /** The result when creates/removes skipped the command ({@code verb}: Did, or Would in check mode). */
    private static ModuleResult skipped(ModuleResult r, String path, boolean creates, String verb) {
        return r.put("rc", 0L).put("stdout", "skipped, since " + path + (creates ? " exists" : " does not exist")).put("stderr", "")
                .put("msg", verb + " not run command since '" + path + "'" + (creates ? " exists" : " does not exist"))
                .put("start", null).put("end", null).put("delta", null).put("stdout_lines", List.of(r.get("stdout")))
                .put("stderr_lines", List.of());
    }

    private static ModuleResult fail(ModuleResult r, long rc, String msg) {
        return r.put("rc", rc).fail(msg);
    }

    /** A shell test that the path (a glob allowed, as Ansible's glob.glob) exists on the host. */
    static String exists(String path) {
        if (!path.contains("*") && !path.contains("?") && !path.contains("[")) return "[ -e " + ShellCommand.quote(path) + " ]";
        String globbed = path.replaceAll("([ '\"$`\\\\;&|()<>])", "\\\\$1");
        return "( for f in " + globbed + "; do [ -e \"$f\" ] && exit 0; done; exit 1 )";
    }

    static String stripEnds(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r')) e--;
        return s.substring(0, e);
    }

    /** Python's str(timedelta): {@code 0:00:00.012345}. */
    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%06d", micros / 3_600_000_000L, micros / 60_000_000 % 60,
                micros / 1_000_000 % 60, micros % 1_000_000);
    }
}
