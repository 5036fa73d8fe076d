package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitForTest {
    @TempDir
    Path dir;
    final WaitFor module = new WaitFor();
    final TestContext ctx = TestContext.local();

    @Test
    void waitsForFileAndPattern() throws Exception {
        Path f = dir.resolve("app.log");
        Files.writeString(f, "starting\nlistening on port 8080 (pid 42)\n");
        Map<String, Object> r = ctx.run(module, Map.of("path", f.toString(), "search_regex", "port (?P<port>\\d+) \\(pid (\\d+)\\)", "timeout", 5));
        assertThat(r).containsEntry("changed", false).containsEntry("state", "file").containsEntry("size", 41L).containsEntry("path", f.toString())
                .containsEntry("match_groups", List.of("8080", "42")).containsEntry("match_groupdict", Map.of("port", "8080"))
                .containsKey("elapsed");
    }

    @Test
    void timesOutWithAnsiblesMessage() throws Exception {
        Path f = dir.resolve("missing");
        Map<String, Object> r = ctx.run(module, Map.of("path", f.toString(), "timeout", 1));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for file " + f);
        assertThat(ctx.run(module, Map.of("path", dir.toString(), "state", "absent", "timeout", 1, "msg", "still there")))
                .containsEntry("msg", "still there");
        assertThat(ctx.run(module, Map.of("path", "/x", "port", 1))).containsEntry("msg", "port and path parameter can not both be passed to wait_for");
    }

    @Test
    void waitsForPortAndBanner() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serve(server));
            t.setDaemon(true);
            t.start();
            Map<String, Object> r = ctx.run(module, Map.of("port", server.getLocalPort(), "timeout", 10, "connect_timeout", 2,
                    "search_regex", "OpenSSH_(\\S+)"));
            assertThat(r).doesNotContainKey("failed").containsEntry("port", (long) server.getLocalPort())
                    .containsEntry("match_groups", List.of("8.9"));
        }
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        assertThat(ctx.run(module, Map.of("port", closed, "state", "stopped", "timeout", 5))).containsEntry("state", "stopped");
        assertThat(ctx.run(module, Map.of("port", closed, "timeout", 1)))
                .containsEntry("msg", "Timeout when waiting for 127.0.0.1:" + closed);
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_8.9\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }
}
