package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code command} and {@code shell} share: {@code creates}/{@code removes} checked in the same round trip as the
 * command itself, check mode, stdin, result keys ({@code cmd}, {@code rc}, {@code stdout(_lines)}, {@code start},
 * {@code end}, {@code delta}) and messages exactly as Ansible's command module returns them.
 */
final class RunCommand {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String SKIP = "__JPLAY_SKIP_" + "7f3a__";

    private RunCommand() {}

    static ModuleResult run(ModuleArgs a, ModuleContext ctx, boolean shell) throws ConnectionException {
        String raw = a.str("_raw_params");
        List<String> argv = a.strings("argv");
        ModuleResult r = ModuleResult.ok();
        if ((raw == null || raw.isBlank()) && argv.isEmpty()) return fail(r, 256, "no command given");
        if (raw != null && !raw.isBlank() && !argv.isEmpty()) return fail(r, 256, "only command or argv can be given, not both");
        String line;
        Object cmd;
        if (shell) {
            line = raw;
            cmd = raw;
        } else {
            List<String> words = raw != null && !raw.isBlank() ? ShellWords.split(raw) : argv;
            line = CommandWords.exec(words, SKIP);
            cmd = new ArrayList<Object>(words);
        }
        r.put("cmd", cmd);
        String creates = a.str("creates");
        String removes = a.str("removes");
        String verb = ctx.check() ? "Would" : "Did";
        StringBuilder script = new StringBuilder();
        if (creates != null) script.append("if ").append(exists(creates)).append("; then echo ").append(SKIP).append("c; exit 0; fi; ");
        if (removes != null) script.append("if ! ").append(exists(removes)).append("; then echo ").append(SKIP).append("r; exit 0; fi; ");
        if (ctx.check()) {
            if (creates == null && removes == null) {
                return r.put("rc", 0L).put("stdout", "").put("stderr", "").put("msg", "Command would have run if not in check mode")
                        .put("skipped", true).put("start", null).put("end", null).put("delta", null);
            }
            script.append("echo ").append(SKIP).append("run");
        } else {
            script.append(line);
        }
        ExecRequest req = ExecRequest.of(script.toString()).withChdir(a.str("chdir"));
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
            if (what.equals("run")) {
                return r.setChanged(true).put("rc", 0L).put("stdout", "").put("stderr", "")
                        .put("msg", "Command would have run if not in check mode");
            }
            boolean c = what.equals("c");
            String path = c ? creates : removes;
            return r.put("rc", 0L).put("stdout", "skipped, since " + path + (c ? " exists" : " does not exist")).put("stderr", "")
                    .put("msg", verb + " not run command since '" + path + "'" + (c ? " exists" : " does not exist"))
                    .put("start", null).put("end", null).put("delta", null).put("stdout_lines", List.of(r.get("stdout")));
        }
        String stdout = a.bool("strip_empty_ends") ? stripEnds(out) : out;
        String stderr = a.bool("strip_empty_ends") ? stripEnds(res.err()) : res.err();
        r.setChanged(true).put("rc", (long) res.rc()).put("stdout", stdout).put("stderr", stderr).put("start", start.format(TS))
                .put("end", end.format(TS)).put("delta", delta(Duration.between(start, end))).put("msg", "")
                .put("stdout_lines", lines(stdout)).put("stderr_lines", lines(stderr));
        if (res.rc() != 0) r.fail("non-zero return code");
        return r;
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

    static List<Object> lines(String s) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String l : s.split("\r\n|\r|\n", -1)) out.add(l);
        if (s.endsWith("\n")) out.remove(out.size() - 1);
        return out;
    }

    /** Python's str(timedelta): {@code 0:00:00.012345}. */
    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%06d", micros / 3_600_000_000L, micros / 60_000_000 % 60,
                micros / 1_000_000 % 60, micros % 1_000_000);
    }
}
