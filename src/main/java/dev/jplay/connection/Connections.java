package dev.jplay.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The run's connections: one per target, opened on first use and kept for the whole run (a ControlMaster
 * equivalent), reopened when it died. Thread-safe: two tasks asking for the same host at once share one
 * connect. Closing closes them all.
 */
public final class Connections implements AutoCloseable {
    private final Map<Target, Connection> open = new ConcurrentHashMap<>();
    private final Map<Target, Object> locks = new ConcurrentHashMap<>();
    private final SshTransport ssh;

    public Connections() {
        this(Path.of(System.getProperty("user.home")), System.getenv("SSH_AUTH_SOCK"), null);
    }

    /** Connections that read {@code home}/.ssh for keys, known_hosts and ssh_config, without an agent. */
    public Connections(Path home) {
        this(home, null, null);
    }

    /** See {@link SshTransport#SshTransport(Path, String, Function)}. */
    public Connections(Path home, String agentSocket, Function<Path, Secret> passphrases) {
        this.ssh = new SshTransport(home, agentSocket, passphrases);
    }

    /** See {@link SshTransport#persistentShell(boolean)}. */
    public Connections persistentShell(boolean on) {
        ssh.persistentShell(on);
        return this;
    }

    /**
     * Kills every command running on every open connection now (on the host: the command's whole process
     * group), for an interrupted controller. The tasks waiting for them fail; the connections stay usable.
     */
    public void cancelRunning() {
        open.values().parallelStream().forEach(Connection::cancelRunning);
    }

    /** Starts expensive one-time initialisation (crypto providers) in the background, so the first connect is quick. */
    public void warmUp() {
        ssh.warmUp();
    }

    /** The open connection for {@code t}, connecting first if needed. */
    public Connection get(Target t) throws ConnectionException {
        Connection c = open.get(t);
        if (c != null && c.alive()) return c;
        synchronized (locks.computeIfAbsent(t, k -> new Object())) {
            c = open.get(t);
            if (c != null && c.alive()) return c;
            if (c != null) c.close();
            c = t.isLocal() ? new LocalConnection(t.name()) : ssh.open(t);
            open.put(t, c);
            return c;
        }
    }

    /** Drops the connection for {@code t} and connects again, retrying until {@code within} has passed. */
    public Connection reconnect(Target t, Duration within) throws ConnectionException {
        Connection old = open.remove(t);
        if (old != null) old.close();
        Instant deadline = Instant.now().plus(within);
        while (true) {
            try {
                return get(t);
            } catch (ConnectionException e) {
                if (Instant.now().isAfter(deadline)) throw e;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Kills the commands running on every connection (on the hosts too), then closes them all; the next
     * {@link #get} connects again.
     */
    public void dropAll() {
        cancelRunning();
        open.values().forEach(Connection::close);
        open.clear();
    }

    @Override
    public void close() {
        dropAll();
        ssh.close();
    }
}
