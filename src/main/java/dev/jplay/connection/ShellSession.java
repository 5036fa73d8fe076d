package dev.jplay.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.Transport;

/**
 * One long-lived POSIX {@code sh} on a host (as the login user, or as a become user behind one {@code sudo}),
 * running one command at a time. Commands go in as one line each on the shell's stdin; the shell starts each in
 * its own process group ({@code setsid}) with stdin from /dev/null or from the bytes sent with it, waits for it,
 * and ends its stdout and stderr with a random per-command marker (the exit status follows the stdout marker).
 * While the command runs a helper reads one control line: empty once the controller has both markers, {@code k}
 * to kill the command's process group (timeout, interrupt, cancel). No Python, no files left behind (stdin
 * bytes go through a 0600 temporary file removed at once, in memory (/dev/shm) where the host has it: a secret on stdin
 * never reaches a disk, and a check-mode run leaves not even the time of /tmp changed). See docs/connection.md.
 */
final class ShellSession implements AutoCloseable {
    /** The shell's main loop; $1 is the session token, printed with "ok" (or "no": cannot run here) when ready. */
    static final String LOOP = String.join("\n",
            "exec 3<&0 0</dev/null",
            "command -v setsid >/dev/null 2>&1 && command -v mktemp >/dev/null 2>&1 && command -v head >/dev/null 2>&1 && command -v wc >/dev/null 2>&1 \\",
            "  || { printf '%s:no\\n' \"$1\" >&2; exit 0; }",
            "NL='",
            "'",
            "j() {",
            "  t=/dev/null",
            "  if [ \"$2\" -gt 0 ]; then",
            "    t=$(mktemp -p /dev/shm 2>/dev/null || mktemp) && head -c \"$2\" <&3 >\"$t\" && [ \"$(wc -c <\"$t\")\" -eq \"$2\" ] \\",
            "      || { rm -f \"$t\"; printf '%s:X\\n' \"$1\"; printf '%s\\n' \"$1\" >&2; exit 1; }",
            "  fi",
            "  setsid \"$3\" -c \"$4\" <\"$t\" 3<&- &",
            "  p=$!",
            "  ( IFS= read -r c <&3; [ \"$c\" = k ] && kill -s KILL -- -\"$p\" 2>/dev/null ) &",
            "  r=$!",
            "  wait \"$p\"; s=$?",
            "  [ \"$t\" = /dev/null ] || rm -f \"$t\"",
            "  printf '%s:%s\\n' \"$1\" \"$s\"; printf '%s\\n' \"$1\" >&2",
            "  wait \"$r\"",
            "}",
            "printf '%s:ok\\n' \"$1\" >&2",
            "while IFS= read -r l <&3; do eval \"$l\"; done");

    /** The shell cannot be kept on this host (no setsid/mktemp/head, or an unexpected answer). */
    static final class Unsupported extends IOException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why);
        }
    }

    private final Session session;
    private final Session.Command cmd;
    private final OutputStream stdin;
    private final FramedReader out;
    private final FramedReader err;
    private final Executor pool;
    private final String token = ShellCommand.token();
    private final Object control = new Object();
    private final Become become;
    private long serial;
    private boolean controlSent = true;
    /** A cancel came between the shell's acquisition and its command: refuse the command (guarded by control). */
    private boolean cancelPending;
    private volatile boolean broken;

    private final InputStream errStream;

    private ShellSession(Session session, Session.Command cmd, WindowKeeper window, Become become, Executor pool) {
        this.session = session;
        this.cmd = cmd;
        this.stdin = cmd.getOutputStream();
        this.out = new FramedReader(WindowKeeper.stdout(window, cmd));
        this.errStream = WindowKeeper.stderr(window, cmd);
        this.err = new FramedReader(errStream);
        this.become = become;
        this.pool = pool;
    }

    /**
     * Starts the shell in {@code session} (as {@code become}'s user through sudo when not null, the password
     * answered once on stdin) and waits until it is ready. Throws {@link Unsupported} when the host cannot keep
     * one, {@link ConnectionException} (BECOME) when escalation failed.
     */
    static ShellSession start(Session session, Transport transport, Become become, Executor pool, ScheduledExecutorService timer)
            throws IOException {
        ShellCommand.BecomePlan plan = become == null ? null : ShellCommand.BecomePlan.fresh();
        String token = ShellCommand.token();
        String loop = "/bin/sh -c " + ShellCommand.quote(LOOP) + " jplay-shell " + token;
        String line = become == null ? "exec " + loop : ShellCommand.sudo(become, plan) + " " + loop;
        WindowKeeper window = WindowKeeper.of(session, transport);
        Session.Command cmd = session.exec(line);
        ShellSession s = new ShellSession(session, cmd, window, become, pool);
        Watchdog dog = Watchdog.start(timer, java.time.Duration.ofSeconds(60), s::close);
        try {
            ByteArrayOutputStream before = new ByteArrayOutputStream();
            String failure = CommandIO.awaitMarker(s.stdin, s.errStream, before, become, plan,
                    (token + ":").getBytes(StandardCharsets.US_ASCII));
            if (failure != null) {
                s.close();
                if (become == null) throw new Unsupported(failure);
                throw new ConnectionException(ConnectionException.Kind.BECOME, failure);
            }
            String answer = s.err.read(new byte[0]).tail();
            if (!answer.equals("ok")) {
                s.close();
                throw new Unsupported("the host's shell lacks setsid, mktemp, head or wc");
            }
            return s;
        } finally {
            dog.cancel();
        }
    }

    /** The become this shell runs under (null: the login user). */
    Become become() {
        return become;
    }

    boolean usable() {
        return !broken && session.isOpen();
    }

    /**
     * Runs {@code line} with {@code shell -c} (in a new session: its own process group) and {@code input} on its
     * stdin (none: /dev/null). Returns its result; {@link #kill} kills it. Throws IOException when
     * the shell or the connection failed (the session is then unusable) and {@link InterruptedIOException} when the
     * calling thread was interrupted (the command was killed first).
     */
    ExecResult run(String shell, String line, byte[] input, OutputListener listener) throws IOException {
        if (broken) throw new IOException("the remote shell is closed");
        byte[] marker;
        synchronized (control) {
            if (cancelPending) {
                cancelPending = false;
                throw new InterruptedIOException("cancelled before it started");
            }
            marker = (token + "R" + (++serial)).getBytes(StandardCharsets.US_ASCII);
            controlSent = false;
        }
        int n = input == null ? 0 : input.length;
        String request = "j " + new String(marker, StandardCharsets.US_ASCII) + " " + n + " " + ShellCommand.quote(shell) + " "
                + oneLine(ShellCommand.quote(line)) + "\n";
        CompletableFuture<FramedReader.Frame> errFrame;
        FramedReader.Frame outFrame;
        boolean interrupted = false;
        try {
            synchronized (stdin) {
                stdin.write(request.getBytes(StandardCharsets.UTF_8));
                if (n > 0) stdin.write(input);
                stdin.flush();
            }
        } catch (IOException e) {
            broken = true; // half a request may have gone out
            throw e;
        }
        try {
            byte[] errMarker = marker;
            errFrame = CompletableFuture.supplyAsync(() -> {
                try {
                    return err.read(errMarker, listener, true);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, pool);
            byte[] outMarker = (new String(marker, StandardCharsets.US_ASCII) + ":").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                try {
                    outFrame = out.read(outMarker, listener, false);
                    break;
                } catch (InterruptedIOException e) {
                    interrupted = true;
                    kill();
                }
            }
            FramedReader.Frame e = joinUninterruptibly(errFrame);
            sendControl("\n");
            if (outFrame.tail().equals("X")) {
                broken = true;
                throw new ConnectionException(ConnectionException.Kind.TRANSFER,
                        "cannot pass the command's input through a temporary file: " + new String(e.content(), StandardCharsets.UTF_8).strip());
            }
            int rc;
            try {
                rc = Integer.parseInt(outFrame.tail());
            } catch (NumberFormatException ex) {
                broken = true;
                throw new IOException("unexpected answer from the remote shell: " + outFrame.tail());
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted; the remote command was killed");
            }
            return new ExecResult(rc, outFrame.content(), e.content());
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof InterruptedIOException) && !(e instanceof ConnectionException)) broken = true;
            throw e;
        }
    }

    /** Kills the running command's process group (once per command); the command's frames still arrive. */
    void kill() {
        sendControl("k\n");
    }

    /**
     * Cancels this shell's current use: kills its command, or, when the command has not been sent yet, makes
     * {@link #run} refuse it (a cancel must not miss a command that was about to start).
     */
    void cancel() {
        synchronized (control) {
            if (controlSent) {
                cancelPending = true;
                return;
            }
        }
        kill();
    }

    /** Forgets a cancel that found no command (the shell goes back to the pool). */
    void clearCancel() {
        synchronized (control) {
            cancelPending = false;
        }
    }

    private void sendControl(String line) {
        synchronized (control) {
            if (controlSent) return;
            controlSent = true;
        }
        try {
            synchronized (stdin) {
                stdin.write(line.getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
            }
        } catch (IOException e) {
            broken = true;
        }
    }

    /** The quoted command on one physical line: newlines inside single quotes become {@code '"$NL"'}. */
    static String oneLine(String quoted) {
        return quoted.indexOf('\n') < 0 ? quoted : quoted.replace("\n", "'\"$NL\"'");
    }

    private FramedReader.Frame joinUninterruptibly(CompletableFuture<FramedReader.Frame> f) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get(1, TimeUnit.DAYS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
                    if (c instanceof IOException io) throw io;
                    throw new IOException(c);
                } catch (TimeoutException e) {
                    throw new IOException("the remote shell did not answer", e);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        broken = true;
        try {
            cmd.close();
        } catch (IOException ignored) {
            // the channel is gone already
        }
        try {
            session.close();
        } catch (IOException ignored) {
            // likewise
        }
    }
}
