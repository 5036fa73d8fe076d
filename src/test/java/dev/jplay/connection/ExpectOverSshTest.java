package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import dev.jplay.modules.commands.Expect;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expect over SSH (the in-JVM sshd, whose commands get pipes, no terminal: script makes one): answers go on the
 * channel's stdin while the command runs, in a channel of its own beside the persistent shells, and a timeout
 * kills the command's process group on the host.
 */
class ExpectOverSshTest {
    @TempDir
    static Path dir;
    static TestSshServer server;
    static Connections connections;
    static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        Needs.executable("/usr/bin/script", "needs util-linux's script (apt-get install bsdutils)");
        server = TestSshServer.start(dir);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        connections = new Connections(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connections != null) connections.close();
        if (server != null) server.close();
    }

    private static Map<String, Object> expect(String command, Map<String, Object> responses, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("command", command);
        args.put("responses", responses);
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        Connection c = connections.get(server.target("h1", knownHosts, Target.HostKeyPolicy.STRICT));
        return new TestContext(c).run(new Expect(), args);
    }

    private static String script(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p.toString();
    }

    @Test
    void answersPromptsInTurnOnTheChannelsStdin() throws Exception {
        String ask = script("ask.sh", "#!/bin/sh\nprintf 'Username: '; read u\nprintf 'Password: '; read p\nprintf 'Again: '; read q\n"
                + "[ \"$p\" = \"$q\" ] || exit 3; echo \"user=$u len=${#p}\"\n");
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("Username", "alice");
        responses.put("Password|Again", List.of("pw-1", "pw-1"));
        assertThat(expect(ask, responses)).containsEntry("changed", true).containsEntry("rc", 0L)
                .containsEntry("stdout", "Username: Password: Again: user=alice len=4");
        // the connection's persistent shell still serves ordinary commands
        Connection c = connections.get(server.target("h1", knownHosts, Target.HostKeyPolicy.STRICT));
        assertThat(c.exec(ExecRequest.of("echo fine")).out()).isEqualTo("fine\n");
    }

    @Test
    void aTimeoutKillsTheCommandOnTheHost() throws Exception {
        Path pid = dir.resolve("pid");
        String quiet = script("quiet.sh", "#!/bin/sh\nprintf 'go? '; read a; echo $$ > " + pid + "; exec sleep 60\n");
        assertThat(expect(quiet, Map.of("go", "y"), "timeout", 1L)).containsEntry("failed", true)
                .containsEntry("msg", "command exceeded timeout").containsEntry("rc", null).containsEntry("stdout", "go? ");
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        long end = System.nanoTime() + 30_000_000_000L;
        while (ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) Thread.sleep(50);
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).as("the command was killed").isFalse();
    }
}
