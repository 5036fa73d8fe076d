package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/cases/*.yml}; the case format is described at the head of
 * each file and in {@code badinput/record}, the script that records {@code ansible-2.14.yml}): each case runs the
 * jplay command line in a child JVM limited to 512 MB of heap, in a fresh directory holding the case's files,
 * and must
 * <ul>
 * <li>finish (a case that hangs fails), print no Java class name or stack trace;</li>
 * <li>exit as ansible-playbook 2.14 exited on it ({@code ansible-2.14.yml}, recorded by {@code record}), unless the
 * case says why not ({@code ansible_differs});</li>
 * <li>print what the case expects ({@code jplay: says / at / warns});</li>
 * <li>unless it is a case where hosts are contacted as in Ansible ({@code contact: true}): contact no host (the
 * inventory's hosts point at a listening socket that counts connections) and write nothing (but its run journal).</li>
 * </ul>
 * Cases run two at a time; {@code -Dbadinput.only=ID,ID} runs only those.
 */
class BadInputTest {
    static final Path DIR = Path.of("src/test/resources/badinput").toAbsolutePath();
    private static final String DEFAULT_HOSTS = "[web]\nh1 @CONN@\n[db]\nh2 @CONN@\n";
    /** What must never reach a user: a stack frame, a Java class or package name, an exception type. */
    private static final Pattern JAVA = Pattern.compile("(\\n\\s+at [\\w$.]+\\(|Caused by: |\\b(java|javax|jdk|sun|org\\.yaml|picocli"
            + "|net\\.schmizz|com\\.hierynomus|dev\\.jplay)\\.[a-z]+\\.|\\b[A-Z][a-z]\\w*Exception\\b|\\b(StackOverflow|OutOfMemory|"
            + "NoClassDefFound|ClassCast|NullPointer|IndexOutOfBounds)\\w*)");

    record Case(String file, Map<String, Object> spec) {
        String id() {
            return (String) spec.get("id");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> expect() {
            return (Map<String, Object>) spec.getOrDefault("jplay", Map.of());
        }

        boolean contact() {
            return Boolean.TRUE.equals(spec.get("contact"));
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** What a run left behind. */
    record Outcome(int exit, String out, int contacts, boolean filesChanged, double seconds) {}

    @SuppressWarnings("unchecked")
    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("cases"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                for (Object o : (List<Object>) yaml().load(Files.readString(f))) out.add(new Case(f.getFileName().toString(), (Map<String, Object>) o));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> ansibleRecord() throws IOException {
        return (Map<String, Map<String, Object>>) yaml().load(Files.readString(DIR.resolve("ansible-2.14.yml")));
    }

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(10 * 1024 * 1024);
        return new Yaml(new SafeConstructor(o));
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Case> cases = cases();
        String only = System.getProperty("badinput.only"); // -Dbadinput.only=ID,ID... runs only those cases
        if (only != null && !only.isBlank()) cases = cases.stream().filter(c -> List.of(only.split(",")).contains(c.id())).toList();
        Map<String, Map<String, Object>> ansible = ansibleRecord();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "badinput");
            t.setDaemon(true);
            return t;
        });
        List<Future<Outcome>> runs = new ArrayList<>();
        for (Case c : cases) runs.add(pool.submit(() -> run(c)));
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Future<Outcome> f = runs.get(i);
            tests.add(DynamicTest.dynamicTest(c.file() + ": " + c.id(), () -> check(c, f.get(), ansible.get(c.id()))));
        }
        return tests.stream();
    }

    private static void check(Case c, Outcome o, Map<String, Object> ansible) {
        String what = c.id() + " (exit " + o.exit() + ", " + o.seconds() + " s):\n" + o.out();
        assertThat(o.exit()).as("finished in time: " + what).isNotEqualTo(Integer.MIN_VALUE);
        assertThat(JAVA.matcher(o.out()).find()).as("Java leaked into the output of " + what).isFalse();
        Map<String, Object> expect = c.expect();
        assertThat(ansible).as(c.id() + " is not in ansible-2.14.yml: record it (src/test/resources/badinput/record " + c.id() + ")").isNotNull();
        if (c.spec().get("ansible_differs") == null) {
            assertThat(o.exit()).as("exit code as ansible-playbook's (" + ansible.get("exit") + "): " + what).isEqualTo(ansible.get("exit"));
        }
        if (expect.get("exit") != null) assertThat(o.exit()).as("exit code of " + what).isEqualTo(expect.get("exit"));
        for (String s : strings(expect.get("says"))) assertThat(o.out()).as(what).contains(s);
        for (String s : strings(expect.get("warns"))) assertThat(o.out().replaceAll("\\s*\\n\\s*", " ")).as(what).contains(s);
        for (String s : strings(expect.get("at"))) assertThat(o.out()).as(what).contains("--> " + s);
        if (!c.contact()) {
            assertThat(o.contacts()).as("hosts contacted by " + what).isZero();
            assertThat(o.out()).as("tasks run by " + what).doesNotContain("TASK [");
            assertThat(o.filesChanged()).as("files written by " + what).isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return (List<String>) l;
        return List.of(v.toString());
    }

    private static Outcome run(Case c) throws Exception {
        Path dir = Files.createTempDirectory("badinput-");
        try (ServerSocket host = new ServerSocket(0)) {
            AtomicInteger contacts = new AtomicInteger();
            Thread acceptor = new Thread(() -> accept(host, contacts), "badinput-host");
            acceptor.setDaemon(true);
            acceptor.start();
            Path home = Files.createDirectories(dir.resolve(".home"));
            Path work = Files.createDirectories(dir.resolve("work"));
            materialize(c, work, host.getLocalPort());
            Map<String, String> before = snapshot(work);
            long t0 = System.nanoTime();
            int exit;
            StringBuffer out = new StringBuffer();
            Process p = start(c, work, home);
            Thread reader = new Thread(() -> drain(p.getInputStream(), out), "badinput-out");
            reader.start();
            signal(c, p, out);
            int timeout = ((Number) c.spec().getOrDefault("timeout", 120)).intValue();
            if (p.waitFor(timeout, TimeUnit.SECONDS)) {
                exit = p.exitValue();
            } else {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                exit = Integer.MIN_VALUE;
            }
            reader.join(10_000);
            double secs = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
            String text = out.toString().replace(work + "/", "").replace(work.toString(), ".");
            return new Outcome(exit, text, contacts.get(), !before.equals(snapshot(work)), secs);
        } finally {
            deleteTree(dir);
        }
    }

    private static Process start(Case c, Path work, Path home) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (c.spec().get("signal") != null) cmd.add("setsid"); // its own process group, as a terminal's job
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Xss2m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main"));
        cmd.addAll(args(c));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ANSIBLE_") || k.startsWith("JPLAY_") || k.equals("SSH_AUTH_SOCK") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        @SuppressWarnings("unchecked")
        Map<String, Object> more = (Map<String, Object>) c.spec().getOrDefault("env", Map.of());
        more.forEach((k, v) -> env.put(k, String.valueOf(v)));
        return pb.start();
    }

    @SuppressWarnings("unchecked")
    static List<String> args(Case c) {
        Object a = c.spec().getOrDefault("args", "site.yml");
        List<String> words = a instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>(List.of(a.toString().split("\\s+")));
        if (!words.contains("-i") && !Boolean.TRUE.equals(c.spec().get("no_inventory"))) words.addAll(0, List.of("-i", "hosts"));
        return words;
    }

    /** Sends the case's signal once its marker is in the output (to the process group, as Ctrl-C does). */
    @SuppressWarnings("unchecked")
    private static void signal(Case c, Process p, StringBuffer out) throws Exception {
        Map<String, Object> sig = (Map<String, Object>) c.spec().get("signal");
        if (sig == null) return;
        String marker = (String) sig.getOrDefault("after", "TASK [");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (out.indexOf(marker) < 0 && p.isAlive() && System.nanoTime() < until) Thread.sleep(100);
        Thread.sleep(500);
        new ProcessBuilder("kill", "-" + sig.get("send"), "--", "-" + p.pid()).inheritIO().start().waitFor();
    }

    private static void accept(ServerSocket host, AtomicInteger contacts) {
        while (!host.isClosed()) {
            try {
                Socket s = host.accept();
                contacts.incrementAndGet();
                s.close();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void drain(InputStream in, StringBuffer out) {
        try (in) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.length() < 200_000) out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("\n(output lost: ").append(e.getMessage()).append(')');
        }
    }

    /** Writes the case's files; {@code tasks:} is shorthand for a one-play site.yml around them. */
    @SuppressWarnings("unchecked")
    static void materialize(Case c, Path dir, int port) throws IOException {
        Map<String, Object> files = new TreeMap<>((Map<String, Object>) c.spec().getOrDefault("files", Map.of()));
        files.putIfAbsent("hosts", DEFAULT_HOSTS);
        if (c.spec().get("tasks") != null) {
            StringBuilder pb = new StringBuilder("- hosts: all\n  gather_facts: false\n  tasks:\n");
            for (String l : c.spec().get("tasks").toString().split("\n", -1)) {
                if (!l.isBlank()) pb.append("    ").append(l);
                pb.append('\n');
            }
            files.put("site.yml", pb.toString().stripTrailing() + "\n");
        }
        String conn = "ansible_host=127.0.0.1 ansible_port=" + port + " ansible_user=nobody";
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            if (e.getValue() instanceof Map<?, ?> m && m.get("base64") != null) {
                Files.write(p, Base64.getDecoder().decode(m.get("base64").toString()));
                continue;
            }
            String text = e.getValue() instanceof Map<?, ?> m
                    ? String.valueOf(m.get("head") == null ? "" : m.get("head")) + m.get("repeat").toString().repeat(((Number) m.get("times")).intValue())
                            + (m.get("tail") == null ? "" : m.get("tail"))
                    : String.valueOf(e.getValue());
            Files.writeString(p, text.replace("@CONN@", conn).replace("@PORT@", String.valueOf(port)));
            if (e.getKey().endsWith(".sh")) p.toFile().setExecutable(true);
        }
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            // .jplay/ is jplay's run journal (see docs/resume.md), written beside the playbook by every run
            s.filter(p -> !dir.relativize(p).toString().startsWith(".jplay"))
                    .forEach(p -> m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? size(p) : "dir"));
        }
        return m;
    }

    private static String size(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
