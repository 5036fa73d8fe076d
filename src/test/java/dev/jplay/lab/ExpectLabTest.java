package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connections;
import dev.jplay.modules.TestContext;
import dev.jplay.modules.commands.Expect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * expect on a lab host over real OpenSSH, no Python used: the real {@code passwd} answered (the new password then
 * works), prompts answered in turn, creates/removes, a timeout that kills the command on the host, become with a
 * sudo password before the answers, and an answer that is in no command line while the command holds it.
 */
class ExpectLabTest {
    static Lab lab;
    static Connections connections;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.245", 1, null);
        connections = new Connections(Path.of(System.getProperty("user.home")));
        lab.ssh("lab01", "mkdir -p /srv/expect && useradd -m expectee 2>/dev/null; cat > /srv/expect/many.sh <<'EOF'\n"
                + "#!/bin/sh\nfor i in 1 2 3; do printf 'Question %s? ' $i; read a; echo \"got $a\"; done\nEOF\nchmod 755 /srv/expect/many.sh");
    }

    @AfterAll
    static void down() throws Exception {
        if (lab == null) return;
        try {
            connections.close();
        } finally {
            lab.close();
        }
    }

    private static Map<String, Object> expect(TestContext ctx, String command, Map<String, Object> responses, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("command", command);
        args.put("responses", responses);
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        return ctx.run(new Expect(), args);
    }

    private static TestContext root() throws Exception {
        return new TestContext(connections.get(lab.target(1, "root")));
    }

    @Test
    void answersTheRealPasswdAndTheNewPasswordWorks() throws Exception {
        String pw = "Pw-" + Long.toHexString(System.nanoTime());
        Map<String, Object> r = expect(root(), "passwd expectee", Map.of("(?i)new password:", pw));
        assertThat(r).containsEntry("changed", true).containsEntry("rc", 0L)
                .containsEntry("stdout", "New password: \r\nRetype new password: \r\npasswd: password updated successfully");
        assertThat(r.toString()).doesNotContain(pw);
        String hash = lab.ssh("lab01", "getent shadow expectee | cut -d: -f2").strip();
        // libc's crypt (yescrypt, as Debian hashes) of the answer, with the password on stdin, must give the hash
        Process p = new ProcessBuilder("perl", "-e", "chomp(my $p = <STDIN>); print crypt($p, $ARGV[0])", hash).start();
        p.getOutputStream().write((pw + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(new String(p.getInputStream().readAllBytes()).strip()).as("the shadow hash is the new password's").isEqualTo(hash);
        assertThat(hash).startsWith("$");
    }

    @Test
    void answersInTurnAndCreatesMakesItIdempotent() throws Exception {
        lab.ssh("lab01", "rm -f /srv/expect/done");
        String cmd = "/bin/sh -c '/srv/expect/many.sh && touch /srv/expect/done'";
        Map<String, Object> first = expect(root(), cmd, Map.of("Question", List.of("one", "two", "three")), "creates", "/srv/expect/done");
        assertThat(first).containsEntry("changed", true).containsEntry("rc", 0L)
                .containsEntry("stdout_lines", List.of("Question 1? got one", "Question 2? got two", "Question 3? got three"));
        assertThat(expect(root(), cmd, Map.of("Question", "x"), "creates", "/srv/expect/done")).containsEntry("changed", false)
                .containsEntry("stdout", "skipped, since /srv/expect/done exists");
        assertThat(expect(root(), cmd, Map.of("Question", "x"), "chdir", "/srv", "removes", "expect/nothere")).containsEntry("changed", false)
                .containsEntry("stdout", "skipped, since expect/nothere does not exist");
        assertThat(expect(root(), "/srv/expect/many.sh", Map.of("Question", List.of("one")))).containsEntry("failed", true)
                .containsEntry("msg", "No remaining responses for 'Question', output was 'b' 1? got one\\r\\nQuestion''");
    }

    @Test
    void aTimeoutKillsTheCommandOnTheHost() throws Exception {
        String tag = "expect-sleeper-" + Long.toHexString(System.nanoTime());
        Map<String, Object> r = expect(root(), "/bin/sh -c 'printf \"go? \"; read a; sleep 3600' " + tag,
                Map.of("go", "y"), "timeout", 1L);
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "command exceeded timeout").containsEntry("rc", null)
                .containsEntry("stdout", "go? ");
        assertThat(Lab.awaitNoProcess(tag, Duration.ofSeconds(30))).as("killed on the host").isEmpty();
    }

    @Test
    void becomeAsksForTheSudoPasswordBeforeTheAnswers() throws Exception {
        TestContext jplay = new TestContext(connections.get(lab.target(1, "jplay"))).become(new Become("sudo", "root", null, lab.becomePassword()));
        assertThat(expect(jplay, "/bin/sh -c 'printf \"who? \"; read a; echo \"$a is $(id -un)\"'", Map.of("who", "me")))
                .containsEntry("rc", 0L).containsEntry("stdout", "who? me is root");
    }

    /** Every process on the machine (lab hosts share its process table) is searched while the command holds the answer. */
    @Test
    void theAnswerIsInNoCommandLineWhileTheCommandHoldsIt() throws Exception {
        String secret = "answer-" + Long.toHexString(System.nanoTime());
        String tag = "expect-holder-" + Long.toHexString(System.nanoTime());
        lab.ssh("lab01", "rm -f /srv/expect/go /srv/expect/ready");
        String holder = "/bin/sh -c 'printf \"Password: \"; read p; touch /srv/expect/ready; while [ ! -e /srv/expect/go ]; do sleep 0.1; done; echo \"len=${#p}\"' " + tag;
        CompletableFuture<Map<String, Object>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return expect(root(), holder, Map.of("Password", secret));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Path ready = lab.changes("lab01").resolve("srv/expect/ready");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && System.nanoTime() < end) Thread.sleep(20);
            assertThat(ready).as("the command read its answer").exists();
            assertThat(Lab.processes(tag)).as("the scan sees the command on the host").isNotEmpty();
            assertThat(Lab.processes(secret)).isEmpty();
        } finally {
            lab.ssh("lab01", "touch /srv/expect/go");
        }
        Map<String, Object> r = run.get(60, TimeUnit.SECONDS);
        assertThat(r).containsEntry("rc", 0L).containsEntry("stdout", "Password: len=" + secret.length());
        assertThat(r.toString()).doesNotContain(secret);
    }
}
