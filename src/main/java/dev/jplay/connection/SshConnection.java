package dev.jplay.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One SSH connection to one host, kept for the whole run and shared by all its tasks (at most
 * {@value #CHANNELS} channels at once, below OpenSSH's default {@code MaxSessions} of 10, plus SFTP). Commands run
 * in a persistent shell ({@link ShellPool}, one per become user, a few when tasks overlap) or, when that is off or
 * none is free, as {@code /bin/sh -c ...} in a channel of their own with stdout and stderr drained concurrently.
 * Either way a timeout, an interrupt or {@link #cancelRunning} kills the command's process group on the host.
 * File writes go through
 * SFTP into a temporary file beside the target that is renamed over it with {@code posix-rename} (through
 * the shell when the write needs become).
 */
final class SshConnection implements Connection {
    static final int CHANNELS = 8;
    private final String host;
    private final SSHClient client;
    private final List<SSHClient> jumps;
    private final CommandIO io;
    private final ScheduledExecutorService timer;
    private final Semaphore channels = new Semaphore(CHANNELS);
    private final SshFiles files;
    private final ExecutorService pool;
    private final ShellPool shells;
    private final String summary;
    /** Per-command jobs running now, by tag. */
    private final Map<String, Job> running = new ConcurrentHashMap<>();

    /**
     * A per-command job: its become (null: the login user), whether its exec request went out yet, and whether it
     * is itself a kill (never cancelled: a cancel must not kill the kills it starts).
     */
    private record Job(Become become, CountDownLatch sent, boolean kill) {}
    /** True once the controller is being interrupted: nothing new starts (kills still go out). */
    private final BooleanSupplier stopping;

    SshConnection(String host, SSHClient client, List<SSHClient> jumps, ExecutorService pool, ScheduledExecutorService timer,
                  boolean persistentShell, String summary, BooleanSupplier stopping) {
        this.summary = summary;
        this.host = host;
        this.stopping = stopping;
        this.client = client;
        this.jumps = List.copyOf(jumps);
        this.io = new CommandIO(pool);
        this.pool = pool;
        this.timer = timer;
        this.files = new SshFiles(client, this);
        this.shells = persistentShell ? new ShellPool(client, channels, pool, timer) : null;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String describe() {
        return summary;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public boolean alive() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        if (stopping.getAsBoolean()) throw ConnectionException.interrupted();
        // a dialog answers on stdin while the command runs: a persistent shell copies stdin before it starts one
        ShellSession shell = shells == null || req.dialog() != null ? null : shells.acquire(req.become());
        if (shell != null) return inShell(shell, req);
        return inChannel(req, false);
    }

    /** The fast path: the command runs in a persistent shell (no channel, login or sudo per command). */
    private ExecResult inShell(ShellSession shell, ExecRequest req) throws ConnectionException {
        if (stopping.getAsBoolean()) { // checked after acquiring: a cancel now sees this shell as busy
            shells.release(shell);
            throw ConnectionException.interrupted();
        }
        Watchdog dog = Watchdog.start(timer, req.timeout(), shell::kill);
        try {
            ExecResult r = shell.run(ShellCommand.shell(req), ShellCommand.script(req), req.stdin(), req.listener());
            if (dog.fired()) throw timedOut(req);
            return r;
        } catch (InterruptedIOException e) {
            throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted; the command was killed on the host", e);
        } catch (ConnectionException e) {
            throw e;
        } catch (IOException e) {
            throw lost(e);
        } finally {
            dog.cancel();
            shells.release(shell);
        }
    }

    /**
     * The per-command path: a channel of its own running {@code /bin/sh -c}. The line carries a random job tag so
     * a timeout, an interrupt or {@link #cancelRunning} can find the command's process group and kill it.
     */
    private ExecResult inChannel(ExecRequest req, boolean kill) throws ConnectionException {
        ShellCommand.BecomePlan plan = req.become() == null ? null : ShellCommand.BecomePlan.fresh();
        String job = ShellCommand.token();
        // not the last command, so the tagged shell is not replaced by it (shells exec a -c string's last command)
        String line = ": jplay-job-" + job + "; " + ShellCommand.build(req, plan) + "; exit $?";
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted", e);
        }
        Job state = new Job(req.become(), new CountDownLatch(1), kill);
        running.put(job, state);
        try (Session s = startSession(kill)) {
            WindowKeeper window = WindowKeeper.of(s, client.getTransport());
            Session.Command cmd = s.exec(line);
            state.sent().countDown();
            // kill on the host first: closing the channel alone leaves the command running there
            Runnable hangUp = () -> killJob(job).whenComplete((v, e) -> closeQuietly(s));
            Watchdog dog = Watchdog.start(timer, req.timeout(), hangUp);
            try {
                CommandIO.Captured c = io.run(cmd.getOutputStream(), WindowKeeper.stdout(window, cmd), WindowKeeper.stderr(window, cmd),
                        req.stdin(), req.become(), plan, req.listener(), req.dialog(), hangUp);
                cmd.join();
                if (dog.fired()) throw timedOut(req);
                if (c.becomeFailure() != null) throw new ConnectionException(ConnectionException.Kind.BECOME, c.becomeFailure());
                Integer rc = cmd.getExitStatus();
                return new ExecResult(rc == null ? -1 : rc, c.stdout(), c.stderr());
            } finally {
                dog.cancel();
            }
        } catch (ConnectionException e) {
            throw e;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException) {
                killJob(job);
                Thread.currentThread().interrupt();
                throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted; the command was killed on the host", e);
            }
            throw lost(e);
        } finally {
            state.sent().countDown();
            running.remove(job);
            channels.release();
        }
    }

    /**
     * A channel for a per-command job that is already listed as running (so a cancel sees it); none for a job
     * other than a kill once the controller is stopping.
     */
    private Session startSession(boolean kill) throws IOException {
        if (!kill && stopping.getAsBoolean()) throw ConnectionException.interrupted();
        return session(client);
    }

    private static ConnectionException timedOut(ExecRequest req) {
        return new ConnectionException(ConnectionException.Kind.TIMEOUT, "command timed out after " + req.timeout().toSeconds() + " seconds");
    }

    /**
     * Kills the process group of a per-command job, found by its tag (the login shell sshd started for it leads
     * the group), as the job's user, from a pool thread. Without a group of its own: the job's shell and all its
     * descendants. Waits until the job's exec request went out; a job not found then is looked for during a second
     * (the login shell may not have started it yet).
     */
    private CompletableFuture<Void> killJob(String job) {
        Job j = running.get(job);
        if (j == null) return CompletableFuture.completedFuture(null);
        String script = "i=0; until p=$(pgrep -o -f '[j]play-job-" + job + "'); do i=$((i+1)); [ $i -le 10 ] || exit 0; sleep 0.1; done; "
                + "g=$(ps -o pgid= -p \"$p\" | tr -d ' '); "
                + "k() { for c in $(pgrep -P \"$1\"); do k \"$c\"; done; kill -s KILL \"$1\" 2>/dev/null; }; "
                + "if [ \"$g\" = \"$p\" ]; then kill -s KILL -- -\"$p\"; else k \"$p\"; fi";
        ExecRequest kill = ExecRequest.of(script).withBecome(j.become()).withTimeout(java.time.Duration.ofSeconds(30));
        return CompletableFuture.runAsync(() -> {
            try {
                j.sent().await(5, java.util.concurrent.TimeUnit.SECONDS);
                inChannel(kill, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ConnectionException ignored) {
                // the connection is gone: so is the job's session
            }
        }, pool);
    }

    /** Kills what runs now: persistent shells' commands at once, per-command jobs within a few seconds. */
    @Override
    public void cancelRunning() {
        if (shells != null) shells.killRunning();
        // a snapshot: the kills register as jobs themselves while this runs
        List<String> jobs = running.entrySet().stream().filter(e -> !e.getValue().kill()).map(Map.Entry::getKey).toList();
        CompletableFuture<?>[] kills = jobs.stream().map(this::killJob).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(kills).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // best effort: the host may be gone
        }
    }

    /**
     * A new session. When the connection has just dropped, sshj throws IllegalStateException ("Not connected"):
     * it becomes an IOException, so the caller reports the host unreachable.
     */
    static Session session(SSHClient client) throws IOException {
        try {
            return client.startSession();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The connection failed under a running task: the host is unreachable unless it comes back on reconnect. */
    ConnectionException lost(IOException e) {
        String why = alive() && !brokenTransport(e) ? e.getMessage() : "Shared connection to " + host + " closed.";
        return new ConnectionException(ConnectionException.Kind.UNREACHABLE, "Failed to connect to the host via ssh: " + why, e);
    }

    /**
     * Did {@code e} come from the connection itself breaking (reset, broken pipe, end of stream), which sshj may
     * report a moment before it marks the client disconnected?
     */
    static boolean brokenTransport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException
                    || t instanceof net.schmizz.sshj.transport.TransportException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> leftovers() {
        return files.leftovers();
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (stopping.getAsBoolean()) throw ConnectionException.interrupted();
        if (become != null || !files.available()) {
            ShellTransfer.write(this, data, path, attrs, become);
            return;
        }
        files.write(path, attrs, out -> out.write(data));
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (stopping.getAsBoolean()) throw ConnectionException.interrupted();
        if (become != null || !files.available()) {
            try {
                ShellTransfer.write(this, Files.readAllBytes(localFile), path, attrs, become);
            } catch (IOException e) {
                throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + localFile + ": " + e.getMessage(), e);
            }
            return;
        }
        files.write(path, attrs, out -> {
            try (InputStream in = Files.newInputStream(localFile)) {
                in.transferTo(out);
            }
        });
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        if (become != null || !files.available()) return ShellTransfer.read(this, path, become);
        return files.read(path);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        try {
            if (become != null || !files.available()) {
                Files.write(localFile, ShellTransfer.read(this, path, become));
            } else {
                try (OutputStream out = Files.newOutputStream(localFile)) {
                    files.copyTo(path, out);
                }
            }
        } catch (IOException e) {
            if (e instanceof ConnectionException ce) throw ce;
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + localFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the channel is gone already
        }
    }

    @Override
    public void close() {
        if (shells != null) shells.close();
        files.close();
        SshTransport.closeQuietly(client);
        for (int i = jumps.size() - 1; i >= 0; i--) SshTransport.closeQuietly(jumps.get(i));
    }
}
