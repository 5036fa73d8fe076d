package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.TestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebootTest {
    @TempDir
    Path dir;
    FakeHost host;
    final Reboot reboot = new Reboot();

    /** A local connection that says it is remote, so the reboot guard lets the fake shutdown run. */
    record Remote(LocalConnection local) implements Connection {
        public String host() {
            return "fake";
        }

        public boolean isLocal() {
            return false;
        }

        public ExecResult exec(ExecRequest req) throws ConnectionException {
            return local.exec(req);
        }

        public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
            local.put(data, path, attrs, become);
        }

        public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
            local.put(localFile, path, attrs, become);
        }

        public byte[] get(String path, Become become) throws ConnectionException {
            return local.get(path, become);
        }

        public void get(String path, Path localFile, Become become) throws ConnectionException {
            local.get(path, localFile, become);
        }

        public void close() {
            local.close();
        }
    }

    @BeforeEach
    void setUp() {
        host = new FakeHost(dir).file("boot_id", "aaa\n");
        host.tool("shutdown", "echo bbb > $S/boot_id");
        host.tool("whoami", "echo root");
    }

    private TestContext remote() {
        return new TestContext(new Remote(new LocalConnection("fake"))).environment(host.context().environment());
    }

    @Test
    void rebootsAndWaitsForNewBootId() throws Exception {
        Map<String, Object> r = remote().run(reboot, Map.of("boot_time_command", "cat " + host.state().resolve("boot_id"),
                "pre_reboot_delay", 120));
        assertThat(r).containsEntry("changed", true).containsEntry("rebooted", true).containsKey("elapsed");
        assertThat(host.calls()).containsExactly("shutdown -r 2 Reboot initiated by Ansible", "whoami ");
    }

    @Test
    void checkModeAndLocalAndFailures() throws Exception {
        assertThat(remote().check(true).run(reboot, Map.of())).containsEntry("changed", true).containsEntry("rebooted", true);
        assertThat(host.calls()).isEmpty();
        assertThat(host.context().run(reboot, Map.of()))
                .containsEntry("msg", "Running reboot with local connection would reboot the control node.");
        host.tool("shutdown", "echo 'Failed to talk to init daemon' >&2; exit 1");
        assertThat(remote().run(reboot, Map.of("boot_time_command", "cat " + host.state().resolve("boot_id"))))
                .containsEntry("msg", "Reboot command failed. Error was: ', Failed to talk to init daemon'").containsEntry("rebooted", false);
    }
}
