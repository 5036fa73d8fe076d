package dev.jplay.lab;


import dev.jplay.connection.Secret;
import dev.jplay.connection.Target;
import dev.jplay.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's lab ({@code lab/lab}) for integration tests: real OpenSSH sshd hosts in network namespaces, each
 * with its own overlay root. Every test class gets its own lab (own address range and state dir under
 * {@code target/}) and removes it afterwards. Needs root; skips with the reason otherwise, except in CI.
 */
public final class Lab implements AutoCloseable {
    private final Path dir;
    private final String net;
    private final List<String> names;

    private Lab(Path dir, String net, List<String> names) {
        this.dir = dir;
        this.net = net;
        this.names = names;
    }

    /** Starts {@code n} hosts named lab01..labNN on {@code net} (e.g. "10.240"), optionally with a profile. */
    public static Lab up(String net, int n, String profile) throws IOException, InterruptedException {
        net = shifted(net);
        Needs.root("needs root (the lab's network namespaces and overlay mounts)");
        Path dir = Path.of("target", "lab-" + net.replace('.', '-')).toAbsolutePath();
        Lab lab = new Lab(dir, net, new ArrayList<>());
        List<String> cmd = new ArrayList<>(List.of("lab/lab", "up", String.valueOf(n)));
        if (profile != null) cmd.addAll(List.of("--profile", profile));
        lab.run(cmd);
        for (int i = 1; i <= n; i++) lab.names.add(String.format("lab%02d", i));
        return lab;
    }

    /**
     * Several checkouts may run lab tests on one machine at once: {@code JPLAY_TEST_LAB_SHIFT=k} moves every test
     * lab from 10.X to 10.(X-k), so their networks, namespaces and bridges do not collide.
     */
    static String shifted(String net) {
        String shift = System.getenv("JPLAY_TEST_LAB_SHIFT");
        if (shift == null || shift.isBlank()) return net;
        int dot = net.indexOf('.');
        int octet = Integer.parseInt(net.substring(dot + 1)) - Integer.parseInt(shift.strip());
        if (octet < 1 || octet > 254) throw new IllegalArgumentException("JPLAY_TEST_LAB_SHIFT moves " + net + " out of range");
        return net.substring(0, dot + 1) + octet;
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JPLAY_LAB_DIR", dir.toString());
        pb.environment().put("JPLAY_LAB_NET", net);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out));
        }
        return new String(out);
    }

    /** The lab's network, the first two octets ("10.246"), after any {@link #shifted} move. */
    public String net() {
        return net;
    }

    public List<String> names() {
        return names;
    }

    public Path inventory() {
        return dir.resolve("inventory");
    }

    public Path key() {
        return dir.resolve("id_ed25519");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Secret becomePassword() throws IOException {
        return Secret.of(Files.readString(dir.resolve("become_password")).strip());
    }

    public String address(int i) {
        return net + ".0." + (i + 10);
    }

    /** A target for host {@code i} (1-based) logging in as {@code user}. */
    public Target target(int i, String user) {
        return new Target(names.get(i - 1), "ssh", address(i), 22, user, List.of(key().toString()), null,
                List.of("-F", "none", "-o", "UserKnownHostsFile=" + knownHosts()), null, Target.HostKeyPolicy.STRICT);
    }

    /** Stops or starts one host's sshd (to test unreachable hosts and reconnects). */
    public void stop(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "stop", name));
    }

    public void start(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "start", name));
    }

    /** Runs a shell command on a host as root (through ssh) and returns its output; fails when it fails. */
    public String ssh(String name, String command) throws IOException, InterruptedException {
        return run(List.of("lab/lab", "ssh", name, command));
    }

    /** Kills every sshd of a host (its open connections drop) / starts it again and waits until it answers. */
    public void sshdKill(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "sshd-kill", name));
    }

    public void sshdStart(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "sshd-start", name));
    }

    /** Takes a host's link down for {@code seconds} (0: until {@link #heal}); packets are dropped both ways. */
    public void partition(String name, int seconds) throws IOException, InterruptedException {
        run(seconds > 0 ? List.of("lab/lab", "partition", name, String.valueOf(seconds)) : List.of("lab/lab", "partition", name));
    }

    public void heal(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "heal", name));
    }

    /** Sends the host's SSH through the lab's TCP proxy: {@code delayMs} more round-trip time, {@code lossPct} % segments lost. */
    public void slow(String name, int delayMs, int lossPct) throws IOException, InterruptedException {
        run(List.of("lab/lab", "slow", name, String.valueOf(delayMs), String.valueOf(lossPct)));
    }

    public void fast(String name) throws IOException, InterruptedException {
        run(List.of("lab/lab", "fast", name));
    }

    /** With {@link #slow}: resets the host's connections once {@code bytes} more bytes went towards it. */
    public void cut(String name, long bytes) throws IOException, InterruptedException {
        run(List.of("lab/lab", "cut", name, String.valueOf(bytes)));
    }

    /** A small file system ({@code size}, e.g. "1m") at {@code dir} on the host, holding what the directory held. */
    public void diskSmall(String name, String dir, String size) throws IOException, InterruptedException {
        run(List.of("lab/lab", "disk-small", name, dir, size));
    }

    public void diskRestore(String name, String dir) throws IOException, InterruptedException {
        run(List.of("lab/lab", "disk-restore", name, dir));
    }

    /** Command lines of the processes running on this machine that contain {@code marker} (lab hosts share its process table). */
    public static List<String> processes(String marker) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains(marker)).toList();
    }

    /** Waits until a process whose command line contains {@code marker} runs (on the controller or any lab host). */
    public static void awaitProcess(String marker, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (processes(marker).isEmpty()) {
            if (System.nanoTime() > end) throw new AssertionError("no process with '" + marker + "' started within " + within);
            Thread.sleep(50);
        }
    }

    /** Waits until no process whose command line contains {@code marker} runs any more; returns those still running. */
    public static List<String> awaitNoProcess(String marker, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        List<String> left = processes(marker);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = processes(marker);
        }
        return left;
    }

    /** Files a run changed on a host (its overlay upper dir). */
    public String diff(String name) throws IOException, InterruptedException {
        return run(List.of("lab/lab", "diff", name));
    }

    /** The host's overlay upper dir: every file the host created or changed, at its path below this. */
    public Path changes(String name) {
        return dir.resolve("hosts").resolve(name).resolve("upper");
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of("lab/lab", "down"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while taking the lab down", e);
        }
    }
}
