package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.Connections;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSH connection against real OpenSSH hosts: sudo with and without a password, become writes, reconnects. */
class LabSshTest {
    static Lab lab;
    static Connections connections;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.241", 2, null);
        connections = new Connections(Path.of(System.getProperty("user.home")));
    }

    @AfterAll
    static void down() throws Exception {
        if (connections != null) connections.close();
        if (lab != null) lab.close();
    }

    @Test
    void sudoWithThePasswordBecomesRoot() throws Exception {
        Connection c = connections.get(lab.target(1, "jplay"));
        Become b = new Become("sudo", "root", null, lab.becomePassword());
        var r = c.exec(ExecRequest.of("id -un; echo to-stderr >&2; cat").withBecome(b).withStdin("input\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.out()).isEqualTo("root\ninput\n");
        assertThat(r.err()).isEqualTo("to-stderr\n");
    }

    @Test
    void wrongOrMissingSudoPasswordFailsTheTaskClearly() throws Exception {
        Connection c = connections.get(lab.target(1, "jplay"));
        assertThatThrownBy(() -> c.exec(ExecRequest.of("true").withBecome(new Become("sudo", "root", null, Secret.of("wrong")))))
                .isInstanceOf(ConnectionException.class).hasMessage("Incorrect sudo password");
        assertThatThrownBy(() -> c.exec(ExecRequest.of("true").withBecome(Become.sudo("root"))))
                .isInstanceOf(ConnectionException.class).hasMessage("Missing sudo password");
    }

    @Test
    void passwordlessSudoNeedsNoPassword() throws Exception {
        Connection c = connections.get(lab.target(2, "jplaynp"));
        assertThat(c.exec(ExecRequest.of("id -un").withBecome(Become.sudo("root"))).out()).isEqualTo("root\n");
    }

    @Test
    void becomeWritesRootOwnedFilesAtomically() throws Exception {
        Connection c = connections.get(lab.target(1, "jplay"));
        Become b = new Become("sudo", "root", null, lab.becomePassword());
        c.put("net.ipv4.ip_forward = 1\n".getBytes(StandardCharsets.UTF_8), "/etc/sysctl.d/99-jplay.conf", new FileAttrs("0644", "root", "root"), b);
        var r = c.exec(ExecRequest.of("stat -c '%U %a' /etc/sysctl.d/99-jplay.conf; ls -a /etc/sysctl.d | grep -c jplay-"));
        assertThat(r.out()).isEqualTo("root 644\n0\n");
        assertThat(new String(c.get("/etc/sysctl.d/99-jplay.conf", b), StandardCharsets.UTF_8)).isEqualTo("net.ipv4.ip_forward = 1\n");
        assertThat(lab.diff("lab01")).contains("etc/sysctl.d/99-jplay.conf");
    }

    @Test
    void largeFilesGoThroughAndAFullDiskFailsAtOnceLeavingTheOldContent() throws Exception {
        Connection c = connections.get(lab.target(2, "root"));
        byte[] big = new byte[1_500_000];
        new java.util.Random(5).nextBytes(big);
        c.put(big, "/tmp/big.bin", FileAttrs.NONE, null); // over sftp-server's 256 KiB message limit in one write()
        assertThat(c.get("/tmp/big.bin", null)).isEqualTo(big);
        assertThat(c.exec(ExecRequest.of("mkdir -p /srv/small && mount -t tmpfs -o size=2m tmpfs /srv/small && echo old > /srv/small/conf")).rc()).isZero();
        try {
            byte[] huge = new byte[5_000_000];
            assertThatThrownBy(() -> c.put(huge, "/srv/small/conf", FileAttrs.NONE, null))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessage("cannot write /srv/small/conf: No space left on device");
            assertThat(c.exec(ExecRequest.of("ls -A /srv/small; cat /srv/small/conf")).out()).isEqualTo("conf\nold\n");
            Become b = new Become("sudo", "root", null, lab.becomePassword());
            Connection jplay = connections.get(lab.target(2, "jplay"));
            assertThatThrownBy(() -> jplay.put(huge, "/srv/small/conf", FileAttrs.NONE, b))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("No space left on device");
            assertThat(c.exec(ExecRequest.of("ls -A /srv/small; cat /srv/small/conf")).out()).isEqualTo("conf\nold\n");
        } finally {
            c.exec(ExecRequest.of("umount /srv/small"));
        }
    }

    @Test
    void aTimeoutKillsTheRemoteProcessGroupOnEveryPath() throws Exception {
        Become b = new Become("sudo", "root", null, lab.becomePassword());
        Connection root = connections.get(lab.target(1, "root"));
        int n = 0;
        for (Boolean persistent : new Boolean[] {true, false}) {
            for (Become become : new Become[] {null, b}) {
                Connection c = connections.get(lab.target(1, "jplay").withPersistentShell(persistent));
                String tag = "4" + (++n);
                assertThatThrownBy(() -> c.exec(ExecRequest.of("sleep 1" + tag + "1 & sleep 1" + tag + "2").withBecome(become)
                        .withTimeout(Duration.ofSeconds(1))))
                        .isInstanceOf(ConnectionException.class).hasMessage("command timed out after 1 seconds");
                String left = "";
                for (int i = 0; i < 50; i++) {
                    left = root.exec(ExecRequest.of("pgrep -f 'sleep 1" + tag + "[12]' || true")).out();
                    if (left.isEmpty()) break;
                    Thread.sleep(100);
                }
                assertThat(left).as("persistent %s, become %s", persistent, become != null).isEmpty();
                assertThat(c.exec(ExecRequest.of("echo alive").withBecome(become)).out()).isEqualTo("alive\n");
            }
        }
    }

    @Test
    void aHostThatWentAwayIsUnreachableAndReconnectsWhenBack() throws Exception {
        Connection c = connections.get(lab.target(2, "root"));
        assertThat(c.exec(ExecRequest.of("echo up")).out()).isEqualTo("up\n");
        lab.stop("lab02");
        try {
            assertThatThrownBy(() -> connections.get(lab.target(2, "root")).exec(ExecRequest.of("true")))
                    .isInstanceOf(ConnectionException.class)
                    .satisfies(e -> assertThat(((ConnectionException) e).kind()).isEqualTo(ConnectionException.Kind.UNREACHABLE));
        } finally {
            lab.start("lab02"); // also when the assertion fails: the other tests use lab02
        }
        Connection again = connections.reconnect(lab.target(2, "root"), Duration.ofSeconds(20));
        assertThat(again.exec(ExecRequest.of("echo back")).out()).isEqualTo("back\n");
    }
}
