package dev.jplay.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compat/run}, the runner of ansible-core's integration targets: how it classifies targets (aliases,
 * dependencies, Python plugins) the way ansible-test does, and a real run of small targets under jplay in its
 * throwaway root, which must reach jplay through {@code ansible-playbook} and leave nothing on the machine. The
 * source tree here is a fixture written by the test, not ansible-core's code.
 */
class CompatRunnerTest {
    static final Path RUN = Path.of("compat/run").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String out) {}

    @BeforeEach
    void needsPython() {
        Needs.executable("/usr/bin/python3", "needs python3 (compat/run is a Python 3 script)");
    }

    @Test
    void withoutAnAnsibleSourceItSaysSoAndSucceeds() throws Exception {
        Run r = run("--ansible-src", tmp.resolve("none").toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).isEqualTo("compat: no ansible-core source (set ANSIBLE_SRC or --ansible-src); skipped\n");
    }

    @Test
    void classifiesTargetsAsAnsibleTestDoes() throws Exception {
        Path src = tmp.resolve("src");
        role(src, "plain", "shippable/posix/group1\n");
        role(src, "setup_thing", "");
        role(src, "uses_setup", "context/target\n");
        write(src, "uses_setup/meta/main.yml", "dependencies:\n  # setup_never is only a comment\n  - setup_thing\n");
        script(src, "scripted", "needs/target/uses_setup  # and so setup_thing too\n", "true\n");
        role(src, "broken", "unsupported\n");
        role(src, "commented", "destructive  # unsupported one day\n");
        role(src, "with_filter", "");
        write(src, "with_filter/filter_plugins/f.py", "def x(): pass\n");
        role(src, "needs_ssh", "needs/ssh\n");
        role(src, "win_thing", "");
        Run r = run("--ansible-src", src.toString(), "--list");
        assertThat(r.exit()).as(r.out()).isZero();
        Map<String, String[]> rows = new HashMap<>();
        r.out().lines().forEach(l -> rows.put(l.split("\t")[0], l.split("\t", -1)));
        assertThat(rows).hasSize(9);
        assertThat(rows.get("plain")).containsExactly("plain", "role", "candidate", "");
        assertThat(rows.get("setup_thing")[2]).startsWith("excluded aliases: hidden");
        assertThat(rows.get("uses_setup")).containsExactly("uses_setup", "role", "candidate", "needs setup_thing");
        assertThat(rows.get("scripted")).containsExactly("scripted", "script", "candidate", "needs setup_thing,uses_setup");
        assertThat(rows.get("broken")[2]).isEqualTo("excluded aliases: unsupported in ansible-core (needs special infrastructure)");
        assertThat(rows.get("commented")[2]).isEqualTo("candidate");
        assertThat(rows.get("with_filter")[2]).isEqualTo("excluded python-plugin: with_filter/filter_plugins/f.py");
        assertThat(rows.get("needs_ssh")[2]).contains("needs/ssh");
        assertThat(rows.get("win_thing")[2]).isEqualTo("excluded aliases: windows target");
    }

    @Test
    void runsTargetsUnderJplayInAThrowawayRoot() throws Exception {
        Needs.root("needs root (compat/run's sandbox: namespaces, overlay mounts)");
        Path leak = Path.of("/etc", "jplay-compat-leak-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Path src = tmp.resolve("src");
        script(src, "probe", "", String.join("\n",
                "set -eux",
                "ansible-playbook --version | grep '^jplay '",
                "/usr/bin/ansible-playbook --version | grep '^jplay '",
                "touch " + leak,
                "ansible-playbook play.yml -i ../../inventory",
                "test -f \"$OUTPUT_DIR/written\"",
                "ansible-vault --help || test $? = 127", ""));
        write(src, "probe/play.yml", String.join("\n",
                "- hosts: testhost",
                "  gather_facts: false",
                "  tasks:",
                "    - copy: {content: x, dest: \"{{ lookup('env', 'OUTPUT_DIR') }}/written\"}",
                "    - assert: {that: [\"ansible_connection == 'local'\"]}", ""));
        script(src, "fails", "", "ansible-playbook fail.yml -i ../../inventory\n");
        write(src, "fails/fail.yml", "- hosts: testhost\n  gather_facts: false\n  tasks:\n    - fail: msg=deliberately\n");
        Run r = run("--ansible-src", src.toString(), "--only", "probe,fails", "--no-record", "--jobs", "2", "--jplay", launcher().toString());
        assertThat(r.out()).containsPattern("(?m)^PASS probe +\\d")
                .containsPattern("(?m)^FAIL fails +[0-9.]+s  \\[fail\\] fatal: deliberately$")
                .contains("compat: 1/2 selected targets pass");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(leak).doesNotExist();
    }

    /** A jplay command on the test class path (the jar may not be built yet while tests run). */
    private Path launcher() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = tmp.resolve("jplay");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' dev.jplay.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static void role(Path src, String name, String aliases) throws IOException {
        write(src, name + "/aliases", aliases);
        write(src, name + "/tasks/main.yml", "- debug: msg=hi\n");
    }

    private static void script(Path src, String name, String aliases, String body) throws IOException {
        write(src, name + "/aliases", aliases);
        Path runme = write(src, name + "/runme.sh", "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(runme, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path write(Path src, String rel, String text) throws IOException {
        Path p = src.resolve("test/integration/targets").resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", RUN.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("ANSIBLE_SRC");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("compat/run did not finish: " + out);
        }
        return new Run(p.exitValue(), out);
    }
}
