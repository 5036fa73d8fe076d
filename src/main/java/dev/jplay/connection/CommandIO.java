package dev.jplay.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The stream side of one running command, the same for every connection: drains stdout and stderr concurrently
 * (a full stderr pipe would otherwise block the command), answers the become password prompt exactly once,
 * strips the become marker, then feeds stdin and closes it. The password is written to the command's stdin only.
 */
public final class CommandIO {
    private final Executor pool;

    /** {@code pool} runs the stdout drain; it must not be bounded below the number of concurrent commands. */
    public CommandIO(Executor pool) {
        this.pool = pool;
    }

    /** The two captured streams; {@code becomeFailure} is non-null when escalation failed (message for the user). */
    public record Captured(byte[] stdout, byte[] stderr, String becomeFailure) {}

    public Captured run(OutputStream stdin, InputStream stdout, InputStream stderr, byte[] input,
                        Become become, ShellCommand.BecomePlan plan, OutputListener listener) throws IOException {
        return run(stdin, stdout, stderr, input, become, plan, listener, null, null);
    }

    /**
     * As above; with a {@code dialog}, stdin stays open for it (instead of {@code input}) until the output ends or it
     * calls {@code hangUp}.
     */
    public Captured run(OutputStream stdin, InputStream stdout, InputStream stderr, byte[] input, Become become,
                        ShellCommand.BecomePlan plan, OutputListener listener, Dialog dialog, Runnable hangUp) throws IOException {
        OutputListener heard = dialog == null ? listener : both(listener, dialog);
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return drain(stdout, heard);
            } finally {
                if (dialog != null) dialog.ended();
            }
        }, pool);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String failure = null;
        CompletableFuture<Void> feed = CompletableFuture.completedFuture(null);
        if (plan != null) failure = escalate(stdin, stderr, err, become, plan);
        if (failure == null) feed = CompletableFuture.runAsync(dialog == null ? () -> feed(stdin, input) : () -> talk(stdin, dialog, hangUp), pool);
        tee(stderr, err, heard, true);
        join(feed);
        return new Captured(join(out), err.toByteArray(), failure);
    }

    private static OutputListener both(OutputListener listener, Dialog dialog) {
        return (data, offset, length, isErr) -> {
            dialog.heard(data, offset, length, isErr);
            if (listener != null) listener.output(data, offset, length, isErr);
        };
    }

    private static void talk(OutputStream stdin, Dialog dialog, Runnable hangUp) {
        try (stdin) {
            dialog.talk(stdin, hangUp);
        } catch (IOException ignored) {
            // the command closed its stdin (it ended): its exit status and output tell the story
        }
    }

    /** Reads stderr until the marker; answers one prompt; returns a failure message or null. */
    private String escalate(OutputStream stdin, InputStream stderr, ByteArrayOutputStream err, Become become,
                            ShellCommand.BecomePlan plan) throws IOException {
        String failure = awaitMarker(stdin, stderr, err, become, plan, plan.marker().getBytes(StandardCharsets.UTF_8));
        if (failure != null) {
            closeQuietly(stdin);
            return failure;
        }
        int next = stderr.read(); // the newline echo printed after the marker
        if (next >= 0 && next != '\n') err.write(next);
        return null;
    }

    /**
     * Reads {@code stderr} up to {@code marker}, writing what came before it to {@code err}, and answers the become
     * prompt of {@code plan} (when not null) once with the password on {@code stdin}. Returns null once the marker
     * was read, or a message for the user when escalation failed (the stream ended first, or sudo asked again).
     */
    static String awaitMarker(OutputStream stdin, InputStream stderr, ByteArrayOutputStream err, Become become,
                              ShellCommand.BecomePlan plan, byte[] marker) throws IOException {
        byte[] prompt = plan == null ? null : plan.prompt().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int prompts = 0;
        int c;
        while ((c = stderr.read()) >= 0) {
            seen.write(c);
            byte[] s = seen.toByteArray();
            if (endsWith(s, marker)) {
                err.write(s, 0, s.length - marker.length);
                return null;
            }
            if (prompt != null && endsWith(s, prompt)) {
                if (++prompts > 1 || become.password() == null) return "Incorrect " + become.method() + " password";
                seen.reset();
                stdin.write((become.password().reveal() + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        }
        String text = seen.toString(StandardCharsets.UTF_8).strip();
        String method = become == null ? "shell" : become.method();
        if (text.contains("a password is required")) return "Missing " + method + " password";
        if (text.contains("Sorry, try again") || text.contains("incorrect password")) return "Incorrect " + method + " password";
        return method + " failed: " + (text.isEmpty() ? "no output" : text);
    }

    private static boolean endsWith(byte[] s, byte[] tail) {
        if (s.length < tail.length) return false;
        for (int i = 0; i < tail.length; i++) if (s[s.length - tail.length + i] != tail[i]) return false;
        return true;
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            if (input != null && input.length > 0) {
                stdin.write(input);
                stdin.flush();
            }
        } catch (IOException ignored) {
            // the command closed its stdin early; its exit status tells the story
        }
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static byte[] drain(InputStream in, OutputListener listener) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (in) {
            tee(in, out, listener, false);
        } catch (IOException e) {
            // what was read so far is the output
        }
        return out.toByteArray();
    }

    /** Copies {@code in} to {@code out}, showing each piece to {@code listener} (null: none) as it arrives. */
    static void tee(InputStream in, ByteArrayOutputStream out, OutputListener listener, boolean stderr) throws IOException {
        if (listener == null) {
            in.transferTo(out);
            return;
        }
        byte[] buf = new byte[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
            if (n > 0) listener.output(buf, 0, n, stderr);
        }
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
