package dev.jplay.connection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's connections: one per target, opened on first use and kept for the whole run (a ControlMaster
 * equivalent), reopened once when it died. Thread-safe. Closing closes them all.
 */
public final class Connections implements AutoCloseable {
    private final Map<Target, Connection> open = new ConcurrentHashMap<>();

    public Connections() {}

    /** Starts expensive one-time initialisation (crypto providers) in the background, so the first connect is quick. */
    public void warmUp() {
        // the SSH transport adds its warm-up here
    }

    /** The open connection for {@code t}, connecting first if needed. */
    public Connection get(Target t) throws ConnectionException {
        if (t.isLocal()) return open.computeIfAbsent(t, k -> new LocalConnection(k.name()));
        throw new ConnectionException(ConnectionException.Kind.UNREACHABLE, "ssh connections are not built yet");
    }

    /** Drops the connection for {@code t} and connects again, retrying until {@code within} has passed. */
    public Connection reconnect(Target t, Duration within) throws ConnectionException {
        Connection old = open.remove(t);
        if (old != null) old.close();
        return get(t);
    }

    @Override
    public void close() {
        open.values().forEach(Connection::close);
        open.clear();
    }
}
