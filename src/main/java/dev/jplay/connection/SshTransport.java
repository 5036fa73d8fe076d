package dev.jplay.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

/**
 * Opens SSH connections for a run: one shared sshj configuration (expensive to build, so built once, in the
 * background from {@link #warmUp}), TCP_NODELAY sockets, at most {@value #HANDSHAKES} handshakes in flight (OpenSSH's
 * {@code MaxStartups} drops the rest) with retries for connections the server dropped during the handshake,
 * ProxyJump chains, key and password authentication, and OpenSSH-style messages when any of it fails.
 */
public final class SshTransport implements AutoCloseable {
    static final int HANDSHAKES = 8;
    private static final int ATTEMPTS = 4;
    private final Path home;
    private final Semaphore handshakes = new Semaphore(HANDSHAKES);
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ssh-io");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Watchdog.timer();
    private final SshAuth auth;
    private volatile CompletableFuture<Config> config;
    private volatile boolean persistentShell = true;
    private volatile boolean interrupted;
    private volatile boolean refusing;

    /**
     * Reads keys, known_hosts and ssh_config under {@code home}; uses the ssh-agent at {@code agentSocket} (null: none);
     * {@code passphrases} asks for the passphrase of an encrypted key (null: never ask).
     */
    public SshTransport(Path home, String agentSocket, Function<Path, Secret> passphrases) {
        this.home = home;
        this.auth = new SshAuth(SshAgent.fromEnvironment(agentSocket), passphrases);
    }

    /**
     * Whether commands run in persistent shells (one per host and become user) unless a host says otherwise
     * ({@code jplay_persistent_shell}); off, every command opens a channel of its own.
     */
    public void persistentShell(boolean on) {
        this.persistentShell = on;
    }

    /** From now on no connection opens and no command or transfer starts on the connections this transport made. */
    public void interrupt() {
        interrupted = true;
    }

    /**
     * While on, no command or transfer starts on the connections this transport made (connections still open):
     * a cancelled console command ends at once, also when its next command was about to start.
     */
    public void refuseCommands(boolean on) {
        refusing = on;
    }

    /** Starts building the sshj configuration on a background thread. */
    public void warmUp() {
        config();
    }

    private synchronized CompletableFuture<Config> config() {
        if (config == null) {
            config = CompletableFuture.supplyAsync(() -> {
                // BouncyCastle as a JCE provider costs ~450 ms at start and is not needed for ed25519/RSA/ECDSA keys,
                // curve25519 key exchange or AES ciphers, which the JDK provides.
                SecurityUtils.setRegisterBouncyCastle(false);
                DefaultConfig c = new DefaultConfig();
                c.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
                return c;
            }, io);
        }
        return config;
    }

    /** Connects and authenticates to {@code t}. */
    public Connection open(Target t) throws ConnectionException {
        if (interrupted) throw ConnectionException.interrupted();
        SshOptions o;
        try {
            o = SshOptions.resolve(t, home);
        } catch (IOException | RuntimeException e) {
            throw unreachable("cannot read the ssh configuration: " + e.getMessage(), e);
        }
        if (!o.ignored().isEmpty()) {
            throw unreachable(String.join(", ", o.ignored()) + " is not supported; use ProxyJump (-J) instead", null);
        }
        List<SSHClient> jumps = new ArrayList<>();
        try {
            SSHClient via = null;
            if (o.proxyJump() != null) {
                for (String hop : o.proxyJump().split(",")) {
                    via = connect(hopOptions(hop.strip(), t), via, null).client();
                    jumps.add(via);
                }
            }
            Connected c = connect(o, via, t.password());
            boolean shell = t.persistentShell() == null ? persistentShell : t.persistentShell();
            String summary = (via == null ? "" : "via " + o.proxyJump() + ", ") + c.summary();
            return new SshConnection(t.name(), c.client(), jumps, io, timer, shell, summary, () -> interrupted || refusing);
        } catch (ConnectionException e) {
            jumps.forEach(SshTransport::closeQuietly);
            throw e;
        }
    }

    private SshOptions hopOptions(String hop, Target t) throws ConnectionException {
        String user = null;
        String host = hop;
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            user = host.substring(0, at);
            host = host.substring(at + 1);
        }
        int port = 0;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        Target jump = new Target(host, "ssh", host, port, user, List.of(), null, configOnly(t.sshArgs()), t.connectTimeout(), t.hostKeys());
        try {
            SshOptions o = SshOptions.resolve(jump, home);
            return new SshOptions(o.host(), o.port(), o.user(), o.identityFiles(), o.explicitIdentities(), o.knownHosts(),
                    o.hostKeys(), null, o.connectTimeout(), o.aliveInterval(), o.aliveCountMax(), o.ignored());
        } catch (IOException e) {
            throw unreachable("cannot read the ssh configuration: " + e.getMessage(), e);
        }
    }

    /** Only the options that apply to every hop: the config file, known hosts, strictness. */
    private static List<String> configOnly(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            String a = args.get(i);
            String v = args.get(i + 1);
            if (a.equals("-F") || a.equals("-o") && v.matches("(?i)(UserKnownHostsFile|StrictHostKeyChecking|GlobalKnownHostsFile|IdentityFile)[ =].*")) {
                out.add(a);
                out.add(v);
            }
        }
        return out;
    }

    /** An authenticated client and what {@code -vvvv} says about it ({@link SshSummary}). */
    private record Connected(SSHClient client, String summary) {}

    private Connected connect(SshOptions o, SSHClient via, Secret password) throws ConnectionException {
        Config cfg = config().join();
        for (int attempt = 1; ; attempt++) {
            SSHClient c = new SSHClient(cfg);
            SshSummary summary = SshSummary.watch(c);
            SshHostKeys keys;
            try {
                keys = new SshHostKeys(o.knownHosts(), o.hostKeys());
            } catch (IOException e) {
                throw unreachable("cannot read known_hosts: " + e.getMessage(), e);
            }
            c.addHostKeyVerifier(keys);
            c.setSocketFactory(new NoDelaySocketFactory());
            c.setConnectTimeout((int) o.connectTimeout().toMillis());
            boolean acquired = false;
            try {
                handshakes.acquire();
                acquired = true;
                // before connecting: sshj starts its keep-alive thread on connect only when an interval is set, so
                // set after, it never ran and a host that vanished without a FIN (partition, power loss) hung its
                // tasks until TCP gave up, ~15 minutes later
                KeepAlive alive = c.getConnection().getKeepAlive();
                alive.setKeepAliveInterval(o.aliveInterval());
                if (alive instanceof KeepAliveRunner runner) runner.setMaxAliveCount(Math.max(1, o.aliveCountMax()));
                if (via != null) c.connectVia(via.newDirectConnection(o.host(), o.port()));
                else c.connect(o.host(), o.port());
                auth.authenticate(c, o, password);
                return new Connected(c, summary.text(c, o.user()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(c);
                throw unreachable("interrupted", e);
            } catch (IOException e) {
                boolean dropped = e instanceof UserAuthException && !c.isConnected();
                closeQuietly(c);
                if (attempt < ATTEMPTS && droppedDuringHandshake(e)) {
                    sleep(100L << attempt);
                    continue;
                }
                // the host went away while we authenticated: say so, not "Permission denied"
                if (dropped) throw unreachable("Connection closed by " + o.host() + " port " + o.port(), e);
                throw unreachable(describe(e, o, keys), e);
            } finally {
                if (acquired) handshakes.release();
            }
        }
    }

    /** OpenSSH's {@code MaxStartups} closes surplus connections right after accept. */
    private static boolean droppedDuringHandshake(IOException e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof TransportException && (m.contains("identification") || m.contains("Broken transport"))
                || e instanceof SocketException && m.contains("reset");
    }

    private static String describe(IOException e, SshOptions o, SshHostKeys keys) {
        if (keys.refusal() != null) return keys.refusal();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String where = "connect to host " + o.host() + " port " + o.port() + ": ";
        if (e instanceof UserAuthException) return e.getMessage();
        if (root instanceof UnknownHostException) return "Could not resolve hostname " + o.host() + ": Name or service not known";
        if (root instanceof ConnectException) return where + "Connection refused";
        if (root instanceof NoRouteToHostException) return where + "No route to host";
        if (root instanceof SocketTimeoutException) return where + "Connection timed out";
        return where + root.getMessage();
    }

    private static ConnectionException unreachable(String msg, Throwable cause) {
        return new ConnectionException(ConnectionException.Kind.UNREACHABLE, "Failed to connect to the host via ssh: " + msg, cause);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(SSHClient c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        io.shutdownNow();
    }
}
