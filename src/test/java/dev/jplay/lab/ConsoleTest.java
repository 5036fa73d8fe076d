package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Transcripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jplay console} typed at through a real pseudo-terminal (src/test/resources/console/pty_drive.py) against
 * three lab hosts (master: lab01; nodes: lab02, lab03): completion, cd, become, check mode, lines reaching the hosts
 * as typed, facts and results kept between commands, grouped output, retry, save, Ctrl-C and timeouts killing the
 * command on the hosts, history across sessions; and piped input.
 */
class ConsoleTest {
    static Lab lab;
    @TempDir
    static Path home;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.243", 3, null);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    /** Keys to type and text to wait for, as the pty driver's JSON steps. */
    static final class Keys {
        private final List<String> steps = new ArrayList<>();

        Keys send(String keys) {
            steps.add("[\"send\", " + Json.write(keys) + "]");
            return this;
        }

        /** A command line and Enter. */
        Keys line(String command) {
            return send(command + "\r");
        }

        Keys expect(String text, int seconds) {
            steps.add("[\"expect\", " + Json.write(text) + ", " + seconds + "]");
            return this;
        }

        Keys prompt() {
            return expect("]$ ", 30);
        }

        Keys sleep(double seconds) {
            steps.add("[\"sleep\", " + seconds + "]");
            return this;
        }

        Keys waitFile(Path file, int seconds) {
            steps.add("[\"wait_file\", " + Json.write(file.toString()) + ", " + seconds + "]");
            return this;
        }

        Keys exit() {
            return line("exit").sleep(1);
        }

        @Override
        public String toString() {
            return "[" + String.join(", ", steps) + "]";
        }
    }

    /** Runs the console with {@code keys}; returns the transcript; fails the test when a step fails. */
    private String drive(Keys keys) throws Exception {
        return drive(keys, "console", "-i", lab.inventory().toString());
    }

    /** Runs {@code jplay ARGS} in a pseudo-terminal, typing {@code keys}. */
    private String drive(Keys keys, String... jplayArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", Path.of("src/test/resources/console/pty_drive.py").toAbsolutePath().toString(),
                keys.toString(), "--", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main"));
        cmd.addAll(List.of(jplayArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        System.out.println(out.lines().filter(l -> l.startsWith("--- took")).reduce("console timings:", (a, b) -> a + "\n  " + b));
        int timings = out.indexOf("\n--- took");
        return timings < 0 ? out : out.substring(0, timings);
    }

    @Test
    void completesNamesRunsWhereToldAndCtrlCKillsTheCommandOnTheHosts() throws Exception {
        String out = drive(new Keys().expect("root@all (3)[f:5]$ ", 60)
                .send("pin\t").expect("ping", 5).send("\r").expect("lab01, lab02, lab03 (3) | SUCCESS", 30).prompt()
                .send("command ch\t").expect("chdir=", 5).send("/tmp pwd\r").expect("/tmp", 20).prompt()
                .line("cd master").expect("root@master (1)[f:5]$ ", 10)
                .line("uname -n").expect("lab01 | CHANGED | rc=0 >>", 20).prompt()
                .line("become on").expect("become changed to True", 5).expect("root@master (1)[f:5]# ", 10)
                .line("check on").expect("check mode changed to True", 5).expect("root@master (1)[f:5 check]# ", 10)
                .line("command touch /var/tmp/console-check").expect("# ", 20)
                .line("check off").expect("[f:5]# ", 10)
                // the number is computed on the host, so the driver's own command line never matches pgrep
                .line("touch /var/tmp/console-cancel; sleep $((4000+117))").waitFile(lab.changes("lab01").resolve("var/tmp/console-cancel"), 30)
                .send("\u0003").expect("[cancelled]", 3).expect("# ", 2)
                .line("!pgrep -f 'slee[p] 4117' || echo gone-$((6*7))").expect("gone-42", 20).expect("# ", 10)
                .line("echo after-cancel").expect("after-cancel", 30).expect("# ", 10)
                .exit());
        assertThat(out.substring(out.indexOf("cd master"))).as("after cd master only lab01 runs").doesNotContain("lab02");
        assertThat(Files.exists(lab.changes("lab01").resolve("var/tmp/console-check"))).as("check mode changed nothing").isFalse();
    }

    @Test
    void longCommandsShowTheirOutputLiveHostPrefixed() throws Exception {
        String out = drive(new Keys().prompt()
                .line("cd nodes").prompt()
                // the first line shows while the command still runs (it ends 8 s after it started)
                .line("echo first-$((1)); sleep 8; echo second-$((2))").expect("| first-1", 6)
                .expect("| second-2", 10).expect("lab02, lab03 (2) | CHANGED | rc=0 >> (output shown above)", 10).prompt()
                .line("echo quick").expect("(2) | CHANGED | rc=0 >>\nquick", 30).prompt()
                .exit());
        assertThat(out).contains("lab02 | first-1").contains("lab03 | second-2").doesNotContain("| quick");
    }

    @Test
    void timeoutStopsTheCommandOnTheHosts() throws Exception {
        String out = drive(new Keys().prompt()
                .line("timeout").expect("timeout is 0 (no limit)", 5).prompt()
                .line("timeout 1").expect("timeout changed to 1 seconds", 5).prompt()
                .line("sleep $((4000+118))").expect("failed to execute in the expected time frame (1)", 30).prompt()
                .line("!pgrep -f 'slee[p] 4118' || echo gone-$((6*7))").expect("gone-42", 20).prompt()
                .exit());
        assertThat(out).contains("lab01, lab02, lab03 (3) | FAILED");
    }

    @Test
    void linesReachTheHostsExactlyAsTyped() throws Exception {
        String out = drive(new Keys().prompt()
                .line("printf \"a\\nb\\n\"").expect("(3) | CHANGED | rc=0 >>\na\nb\n", 30).prompt()
                .line("printf '%s\\n' a\\\\b 'c\\d'").expect("(3) | CHANGED | rc=0 >>\na\\b\nc\\d\n", 30).prompt()
                .line("echo x !! y").expect("(3) | CHANGED | rc=0 >>\nx !! y\n", 30).prompt()
                .line("!uname -n").expect("lab02 | CHANGED | rc=0 >>\nlab02", 30).prompt()
                // history still works: Ctrl-P (up) brings the last line back as typed
                .send("\u0010").expect("!uname -n", 5).send("\r").expect("lab03 | CHANGED | rc=0 >>\nlab03", 30).prompt()
                .exit());
        assertThat(out).doesNotContain("anbn");
    }

    @Test
    void factsSetFactAndTheLastResultSurviveBetweenCommands() throws Exception {
        drive(new Keys().prompt()
                .line("set_fact greeting=hello").expect("(3) | SUCCESS", 30).prompt()
                .line("debug var=greeting").expect("\"greeting\": \"hello\"", 30).prompt()
                .line("setup filter=ansible_hostname").expect("\"ansible_hostname\": \"lab0", 30).prompt()
                .line("debug msg={{ ansible_hostname }}-from-facts").expect("\"msg\": \"lab02-from-facts\"", 30).prompt()
                .line("uname -n").expect("lab03 | CHANGED", 30).prompt()
                .line("debug msg={{ _.stdout }}-was-last").expect("\"msg\": \"lab01-was-last\"", 30).prompt()
                .exit());
    }

    @Test
    void groupsIdenticalResultsAndRetriesWhereItFailed() throws Exception {
        String flag = "/var/tmp/retry-" + System.nanoTime();
        String out = drive(new Keys().prompt()
                .line("[ $(hostname) = lab01 ] && echo one || echo other")
                .expect("lab02, lab03 (2) | CHANGED | rc=0 >>\nother\n", 30).expect("lab01 | CHANGED | rc=0 >>\none\n", 5).prompt()
                .line("grouped no").expect("grouped output changed to False", 5).prompt()
                .line("echo same").expect("same", 30).prompt()
                .line("grouped yes").expect("grouped output changed to True", 5).prompt()
                .line("test $(hostname) != lab02 -o -e " + flag + " || { touch " + flag + "; exit 3; }")
                .expect("lab02 | FAILED | rc=3 >>", 30).prompt()
                .line("retry").expect("retrying on lab02", 5).expect("lab02 | CHANGED | rc=0 >>", 30).prompt()
                .line("retry").expect("Nothing to retry: the last command succeeded on every host", 5).prompt()
                .exit());
        String plain = out.substring(out.indexOf("grouped no"), out.indexOf("grouped yes"));
        assertThat(plain).contains("lab01 | CHANGED | rc=0 >>\nsame").contains("lab02 | CHANGED | rc=0 >>\nsame").doesNotContain("(3) |");
    }

    @Test
    void saveWritesAPlaybookThatRunsWithTheSameResults() throws Exception {
        Path saved = home.resolve("session.yml");
        String out = drive(new Keys().prompt()
                .line("cd nodes").prompt()
                .line("rm -rf /var/tmp/jplay-save").expect("(2) | CHANGED", 30).prompt()
                .line("file path=/var/tmp/jplay-save state=directory mode=0750").expect("(2) | CHANGED", 30).prompt()
                .line("copy content=hello dest=/var/tmp/jplay-save/a.txt").expect("(2) | CHANGED", 30).prompt()
                .line("cat /var/tmp/jplay-save/a.txt").expect("(2) | CHANGED | rc=0 >>\nhello", 30).prompt()
                .line("debug msg=\"got {{ _.stdout }}\"").expect("\"msg\": \"got hello\"", 30).prompt()
                .line("false").expect("FAILED", 30).prompt()
                .line("become yes").expect("# ", 10)
                .line("command id -un").expect("(2) | CHANGED | rc=0 >>\nroot", 30).expect("# ", 10)
                .line("save " + saved).expect("saved 6 commands to " + saved, 10).expect("# ", 10)
                .exit());
        assertThat(out).contains("lab02, lab03 (2) | SUCCESS");
        String expected = Files.readString(Path.of("src/test/resources/console/saved-session.yml"));
        assertThat(Files.readString(saved)).as("the commands that succeeded, as a playbook").isEqualTo(expected);
        // the same playbook run by ansible-playbook 2.14 on a lab (recorded) and by jplay now: same tasks, statuses, output
        JplayProcess.Run run = JplayProcess.run(home, "-i", lab.inventory().toString(), saved.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        List<String> ansible = Files.readAllLines(Path.of("src/test/resources/console/saved-session.ansible.txt"));
        assertThat(Transcripts.normalize(run.out().lines().toList()))
                .isEqualTo(Transcripts.normalize(ansible.subList(1, ansible.size())));
    }

    @Test
    void interruptedAdhocLeavesNoProcessOnTheHosts() throws Exception {
        String out = drive(new Keys().waitFile(lab.changes("lab03").resolve("var/tmp/adhoc-started"), 60).sleep(0.5).send("\u0003")
                .expect("ERROR! User interrupted execution", 10).sleep(1), "adhoc", "all", "-i", lab.inventory().toString(),
                "-m", "shell", "-a", "touch /var/tmp/adhoc-started; sleep $((4000+120))");
        assertThat(out).doesNotContain("FAILED");
        Process pgrep = new ProcessBuilder("pgrep", "-f", "sleep 4120").start();
        String left = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pgrep.waitFor()).as("no 'sleep 4120' left: " + left).isEqualTo(1);
    }

    @Test
    void verbosityShowsUserCommandsArgumentsAndTimingsNotLibraryDebug() throws Exception {
        String[] base = {"adhoc", "lab02", "-i", lab.inventory().toString(), "-m", "shell", "-a", "echo v-$((40+2))"};
        String v1 = adhoc(base, "-v");
        assertThat(v1).contains("No config file found; using defaults").doesNotContain("<lab02>");
        String v2 = adhoc(base, "-vv");
        assertThat(v2).containsPattern("<lab02> shell as root@" + lab.address(2).replace(".", "\\.") + ": changed in \\d+ ms")
                .doesNotContain("EXEC");
        String v3 = adhoc(base, "-vvv");
        assertThat(v3).contains("<lab02> ARGS {\"_raw_params\": \"echo v-$((40+2))\"").contains("<lab02> EXEC echo v-$((40+2))")
                .containsPattern("<lab02> rc=0, 5 bytes out, 0 bytes err, in \\d+ ms").doesNotContain("<lab02> SSH");
        String v4 = adhoc(base, "-vvvv");
        assertThat(v4).containsPattern("<lab02> SSH OpenSSH_\\S+.*, kex \\S+, cipher \\S+, mac \\S+, host key ssh-ed25519 SHA256:\\S+; "
                + "authenticated as root in \\d+ ms").contains("lab02 | CHANGED | rc=0 >>\nv-42");
        assertThat(v4.lines().filter(l -> l.contains("DEBUG") || l.contains("net.schmizz"))).as("no SSH library log").isEmpty();
        assertThat(v4.lines().count()).as("a few readable lines, not a flood").isLessThan(15);
    }

    private static String adhoc(String[] base, String verbosity) throws Exception {
        String[] args = java.util.Arrays.copyOf(base, base.length + 1);
        args[base.length] = verbosity;
        JplayProcess.Run run = JplayProcess.run(home, args);
        assertThat(run.exit()).as(run.out()).isZero();
        return run.out();
    }

    @Test
    void keepsHistoryAcrossSessions() throws Exception {
        drive(new Keys().prompt().line("echo remembered-line").expect("remembered-line", 30).prompt().exit());
        assertThat(Files.readString(home.resolve(".jplay_console_history"))).contains("echo remembered-line");
        drive(new Keys().prompt().send("\u0012remem").expect("echo remembered-line", 5).send("\r")
                .expect("lab01, lab02, lab03 (3) | CHANGED", 30).exit());
    }

    @Test
    void pipedInputRunsEachLineAndExitsWithTheWorstCode() throws Exception {
        String script = "echo ok\nfalse\nforks 0\nverbosity\nbecome_method doas\nbecome_method su\nhelp cd\nlist groups\necho done\n";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main", "console", "-i", lab.inventory().toString())
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the worst exit code: a host failed (2) beats a wrong setting (1)\n" + out).isEqualTo(2);
        assertThat(out).contains("root@all (3)[f:5]$ false\nlab01, lab02, lab03 (3) | FAILED | rc=1 >>")
                .contains("forks must be greater than or equal to 1").contains("verbosity is 0")
                .contains("become_method doas is not supported; jplay knows sudo and su").contains("become_method changed to su")
                .contains("Usage: cd <group>|<host>|<host pattern>").contains("all\nk8s\nmaster\nnodes\nungrouped\n")
                .contains("(3) | CHANGED | rc=0 >>\ndone");
    }
}
