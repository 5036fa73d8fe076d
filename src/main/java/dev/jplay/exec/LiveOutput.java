package dev.jplay.exec;

import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ForwardingConnection;
import dev.jplay.connection.OutputListener;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long commands seen as they run: for the command modules, when the output wants it, a command's lines are held
 * for its first {@link #AFTER_MS} ms (a quick command shows only its result, as in Ansible) and from then on sent
 * as {@link Event.Live} lines, the held ones first.
 */
final class LiveOutput extends ForwardingConnection implements OutputListener {
    static final long AFTER_MS = 1000;
    private static final Set<String> COMMANDS = Set.of("command", "shell", "raw", "script");

    private final Output output;
    private final String host;
    private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    private final List<Event.Live> held = new ArrayList<>();
    private boolean streaming;

    private LiveOutput(Connection c, Output output, String host) {
        super(c);
        this.output = output;
        this.host = host;
    }

    /** {@code c}, with the live output of {@code action}'s commands when the run's output shows it. */
    static Connection wrap(Connection c, Engine e, String host, String action) {
        String name = action.startsWith("ansible.builtin.") || action.startsWith("ansible.legacy.") ? action.substring(action.lastIndexOf('.') + 1)
                : action;
        return COMMANDS.contains(name) && e.output().wantsLiveOutput() ? new LiveOutput(c, e.output(), host) : c;
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        synchronized (this) {
            streaming = false;
            held.clear();
        }
        CompletableFuture<Void> start = CompletableFuture.runAsync(this::begin,
                CompletableFuture.delayedExecutor(AFTER_MS, TimeUnit.MILLISECONDS, Runnable::run));
        try {
            return inner.exec(req.withListener(this));
        } finally {
            start.cancel(false);
            end();
        }
    }

    @Override
    public synchronized void output(byte[] data, int offset, int length, boolean stderr) {
        ByteArrayOutputStream pending = partial[stderr ? 1 : 0];
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == '\n') {
                line(pending, stderr);
            } else {
                pending.write(data[i]);
            }
        }
    }

    private void line(ByteArrayOutputStream pending, boolean stderr) {
        Event.Live l = new Event.Live(host, pending.toString(StandardCharsets.UTF_8), stderr);
        pending.reset();
        if (streaming) output.on(l);
        else held.add(l);
    }

    private synchronized void begin() {
        streaming = true;
        held.forEach(output::on);
        held.clear();
    }

    /** The command ended: a line it left unfinished is shown too when the output was live. */
    private synchronized void end() {
        for (int i = 0; i < 2; i++) {
            if (streaming && partial[i].size() > 0) line(partial[i], i == 1);
            partial[i].reset();
        }
        held.clear();
        streaming = false;
    }
}
