package dev.jplay.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The run's connections: one per target, opened on first use and kept for the whole run (a ControlMaster
 * equivalent), reopened when it died. Thread-safe: two tasks asking for the same host at once share one
 * connect. Closing closes them all. Temporary files that a broken connection left behind ({@link
 * Connection#leftovers}) are removed by the next connection to the host, or at close by a last short one.
 */
public final class Connections implements AutoCloseable {
    private final Map<Target, Connection> open = new ConcurrentHashMap<>();
    private final Map<Target, Object> locks = new ConcurrentHashMap<>();
    /** Temporary files closed connections left on their hosts, removed by the next connection to the same target. */
    private final Map<Target, List<String>> leftovers = new ConcurrentHashMap<>();
    private final SshTransport ssh;
    private volatile boolean interrupting;
    private final CountDownLatch interrupted = new CountDownLatch(1);

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

    /**
     * Cancels what runs now (the console's Ctrl-C): kills every running command as {@link #cancelRunning} does, and
     * from now on until {@link #resume} no command or transfer starts, so a command that was about to start when the
     * cancel came is not missed (it fails with {@link ConnectionException.Kind#INTERRUPTED}).
     */
    public void cancel() {
        ssh.refuseCommands(true);
        cancelRunning();
    }

    /** Commands start again after a {@link #cancel} (the cancelled command has ended). */
    public void resume() {
        ssh.refuseCommands(false);
    }

    /**
     * The controller is being interrupted (SIGINT/SIGTERM): from now on no connection opens and no command or
     * transfer starts (they fail with {@link ConnectionException.Kind#INTERRUPTED}), and every command running now
     * is killed on its host, with its process group.
     */
    public void interrupt() {
        interrupting = true;
        try {
            ssh.interrupt();
            cancelRunning();
        } finally {
            interrupted.countDown();
        }
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
            if (c != null) retire(t, c);
            c = open(t);
            List<String> left = leftovers.remove(t);
            if (left != null) removeLeftovers(c, left);
            open.put(t, c);
            return c;
        }
    }

    /** A new connection to {@code t}, made by its type. */
    private Connection open(Target t) throws ConnectionException {
        ConnectionType type = ConnectionTypes.find(t.type())
                .orElseThrow(() -> new ConnectionException(ConnectionException.Kind.UNREACHABLE, ConnectionTypes.unknown(t.type())));
        return type.open(t, ssh);
    }

    /** Closes a connection that leaves the map, keeping the list of what it left on the host. */
    private void retire(Target t, Connection c) {
        open.remove(t, c);
        List<String> left = c.leftovers();
        if (!left.isEmpty()) leftovers.merge(t, left, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        c.close();
    }

    private static void removeLeftovers(Connection c, List<String> paths) {
        if (paths.isEmpty()) return;
        StringBuilder rm = new StringBuilder("rm -f");
        for (String p : paths) rm.append(' ').append(ShellCommand.quote(p));
        try {
            c.exec(ExecRequest.of(rm.toString()).withTimeout(Duration.ofSeconds(30)));
        } catch (ConnectionException e) {
            // best effort: the host went away again
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch, Duration within) {
        boolean interruptedNow = false;
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) break;
            } catch (InterruptedException e) {
                interruptedNow = true;
            }
        }
        if (interruptedNow) Thread.currentThread().interrupt();
    }

    /** At close: one more connection to each host a broken connection left temporary files on, to remove them. */
    private void sweepLeftovers() {
        open.forEach((t, c) -> {
            if (!c.leftovers().isEmpty()) retire(t, c);
        });
        leftovers.entrySet().parallelStream().forEach(en -> {
            try (Connection fresh = open(en.getKey())) {
                removeLeftovers(fresh, en.getValue());
            } catch (ConnectionException e) {
                // the host is still unreachable: nothing more can be done from here
            }
        });
        leftovers.clear();
    }

    /** Drops the connection for {@code t} and connects again, retrying until {@code within} has passed. */
    public Connection reconnect(Target t, Duration within) throws ConnectionException {
        Connection old = open.get(t);
        if (old != null) retire(t, old);
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
     * Ansible's {@code meta: reset_connection}: closes the open connections to {@code t}'s host (every user), so the
     * next task logs in again (new group memberships, a fresh persistent shell). False for a local host, whose
     * connection (as Ansible's local connection) has nothing to reset.
     */
    public boolean reset(Target t) {
        if (t.isLocal()) return false;
        open.forEach((k, c) -> {
            if (k.name().equals(t.name())) retire(k, c);
        });
        return true;
    }

    /**
     * Kills the commands running on every connection (on the hosts too), then closes them all; the next
     * {@link #get} connects again.
     */
    public void dropAll() {
        cancelRunning();
        open.forEach(this::retire);
    }

    @Override
    public void close() {
        // the run may end while an interrupt still kills its commands (their tasks returned as killed): closing
        // now would stop the kills half way
        if (interrupting) awaitUninterruptibly(interrupted, Duration.ofSeconds(10));
        sweepLeftovers();
        dropAll();
        ssh.close();
    }
}
