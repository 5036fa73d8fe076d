package dev.jplay.modules.jobs;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.modules.ModuleContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Async jobs on a host, each a result file {@code ASYNC_DIR/JID} as Ansible's async_wrapper leaves it (ASYNC_DIR is
 * {@code ansible_async_dir}, default {@code ~/.ansible_async}; JID is {@code j<random>.<pid>}). {@link #start}
 * detaches a {@link HostJob} under job.sh's supervisor; {@link #create} and {@link #finish} keep the file of a job
 * that jplay runs on the controller; {@link #await} waits for a job on the host and removes its file once finished;
 * {@link #kill} ends a job that ran out of time. Every step is one command on the host, under the task's become.
 */
public final class Jobs {
    private static final String MARK = "JPLAY-ASYNC ";
    private static final String SCRIPT = load();

    private Jobs() {}

    /** A job that has started: its id and result file ({@code results_file}). */
    public record Started(String jid, String resultsFile) {
        /** What the task returns at once with {@code poll: 0}, as Ansible's. */
        public Map<String, Object> result() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("failed", 0L);
            r.put("started", 1L);
            r.put("finished", 0L);
            r.put("ansible_job_id", jid);
            r.put("results_file", resultsFile);
            r.put("changed", true);
            return r;
        }

        String dir() {
            return resultsFile.substring(0, resultsFile.length() - jid.length() - 1);
        }
    }

    /** The job could not be started (no async directory, no room for the job). */
    public static final class StartFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailed(String msg) {
            super(msg);
        }
    }

    /** Starts {@code job} detached on the host, killed after {@code limit} seconds. */
    public static Started start(HostJob job, long limit, ModuleContext ctx) throws ConnectionException, StartFailed {
        byte[] script = SCRIPT.replace("@BODY@", job.body()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(script);
        in.writeBytes(job.input());
        String line = prologue(ctx) + "J=\"$A/.jplay-$jid\"; "
                + "mkdir \"$J\" && head -c " + script.length + " > \"$J/job.sh\" && cat > \"$J/in\" "
                + "|| { rm -rf \"$J\"; echo \"could not write the job to $J\" >&2; exit 1; }; "
                + initialFile()
                + "if command -v setsid >/dev/null 2>&1; then setsid /bin/sh \"$J/job.sh\" watch \"$jid\" " + limit
                + " \"$A\" \"$J\" </dev/null >/dev/null 2>&1 & "
                + "else nohup /bin/sh \"$J/job.sh\" watch \"$jid\" " + limit + " \"$A\" \"$J\" </dev/null >/dev/null 2>&1 & fi; "
                + "echo \"" + MARK + "$jid $A\"";
        return started(ctx.exec(ExecRequest.of(line).withStdin(in.toByteArray())));
    }

    /** Creates the result file of a job that jplay runs on the controller ("started", not finished). */
    public static Started create(ModuleContext ctx) throws ConnectionException, StartFailed {
        return started(ctx.exec(ExecRequest.of(prologue(ctx) + initialFile() + "echo \"" + MARK + "$jid $A\"")));
    }

    /** Writes a controller job's result into its file (atomically, as async_wrapper does). */
    public static void finish(Started job, Map<String, Object> result, ModuleContext ctx) throws ConnectionException {
        String r = ShellCommand.quote(job.resultsFile());
        ctx.exec(ExecRequest.of("umask 077; cat > " + r + ".tmp && mv -f " + r + ".tmp " + r)
                .withStdin(Json.write(result).getBytes(StandardCharsets.UTF_8)).withTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Waits up to {@code seconds} for the job to finish and returns its status (as async_status reports it); a
     * finished job's file is removed (Ansible's cleanup after polling).
     */
    public static Map<String, Object> await(Started job, long seconds, ModuleContext ctx) throws ConnectionException {
        String r = ShellCommand.quote(job.resultsFile());
        String initial = ShellCommand.quote(initialJson(job.jid()));
        String line = "R=" + r + "; I=" + initial + "; "
                + "if sleep 0.01 2>/dev/null; then s=0.1; n=" + seconds * 10 + "; else s=1; n=" + seconds + "; fi; "
                + "while [ \"$n\" -gt 0 ] && [ -e \"$R\" ] && [ \"$(cat \"$R\" 2>/dev/null)\" = \"$I\" ]; do sleep $s; n=$((n - 1)); done; "
                + "[ -e \"$R\" ] || exit 3; c=$(cat \"$R\"); printf '%s' \"$c\"; "
                + "[ \"$c\" = \"$I\" ] || [ -z \"$c\" ] || rm -f \"$R\"";
        ExecResult res = ctx.exec(ExecRequest.of(line).withTimeout(Duration.ofSeconds(seconds + 60)));
        return JobStatus.of(job.jid(), job.resultsFile(), res.rc() == 3 ? null : res.out());
    }

    /** Kills a job started by {@link #start} that is still running, leaving async_wrapper's timeout result in its file. */
    public static void kill(Started job, ModuleContext ctx) throws ConnectionException {
        String r = ShellCommand.quote(job.resultsFile());
        String j = ShellCommand.quote(job.dir() + "/.jplay-" + job.jid());
        String line = "J=" + j + "; R=" + r + "; p=$(cat \"$J/pid\" 2>/dev/null) || exit 0; [ -e \"$J/done\" ] && exit 0; "
                + "printf '{\"msg\": \"Timeout exceeded\", \"failed\": true, \"child_pid\": %s}' \"$p\" > \"$R.tmp\" && mv -f \"$R.tmp\" \"$R\"; "
                + "kill -s KILL -- \"-$p\" 2>/dev/null || kill -s KILL \"$p\" 2>/dev/null; exit 0";
        ctx.exec(ExecRequest.of(line).withTimeout(Duration.ofSeconds(60)));
    }

    /** The file a job's result is read from, for async_status: {@code DIR/JID} as a shell word. */
    static String resultFile(String jid, ModuleContext ctx) {
        return dirWord(ctx) + "/" + ShellCommand.quote(jid);
    }

    /** The async directory as a shell word ({@code ~} as {@code "$HOME"}). */
    static String dirWord(ModuleContext ctx) {
        String dir = asyncDir(ctx);
        if (dir.equals("~")) return "\"$HOME\"";
        if (dir.startsWith("~/")) return "\"$HOME\"/" + ShellCommand.quote(dir.substring(2));
        return ShellCommand.quote(dir);
    }

    private static String asyncDir(ModuleContext ctx) {
        try {
            Object v = ctx.evaluate("ansible_async_dir | default('')");
            if (v != null && !Py.str(v).isBlank()) return Py.str(v).strip();
        } catch (RuntimeException e) {
            // no variables in this context: the default
        }
        String env = System.getenv("ANSIBLE_ASYNC_DIR");
        return env == null || env.isBlank() ? "~/.ansible_async" : env;
    }

    private static String prologue(ModuleContext ctx) {
        return "umask 077; A=" + dirWord(ctx) + "; "
                + "mkdir -p \"$A\" 2>/dev/null && A=$(cd \"$A\" && pwd) || { echo \"could not create directory: $A\" >&2; exit 1; }; "
                + "jid=" + prefix() + ".$$; ";
    }

    private static String initialFile() {
        return "printf '{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"%s\"}' \"$jid\" > \"$A/$jid.tmp\" "
                + "&& mv -f \"$A/$jid.tmp\" \"$A/$jid\" || exit 1; ";
    }

    static String initialJson(String jid) {
        return "{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"" + jid + "\"}";
    }

    private static Started started(ExecResult r) throws StartFailed {
        String out = r.out().strip();
        int at = out.lastIndexOf(MARK);
        if (r.rc() != 0 || at < 0) {
            String why = r.err().strip();
            throw new StartFailed(why.isEmpty() ? "the async job could not be started (rc=" + r.rc() + ")" : why);
        }
        String[] f = out.substring(at + MARK.length()).split(" ", 2);
        return new Started(f[0], f[1] + "/" + f[0]);
    }

    /** Ansible's job id prefix: {@code j} and a random number below 10^12. */
    private static String prefix() {
        return "j" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    }

    private static String load() {
        try (InputStream in = Jobs.class.getResourceAsStream("job.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
