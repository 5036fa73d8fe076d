package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a target's settings combine with ssh arguments and ssh_config, as OpenSSH combines them. */
class SshOptionsTest {
    @TempDir
    Path home;

    private Target target(String name, String address, int port, String user, List<String> args) {
        return new Target(name, "ssh", address, port, user, List.of(), null, args, null, Target.HostKeyPolicy.STRICT);
    }

    private void config(String text) throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), text);
    }

    @Test
    void sshConfigFillsWhatTheInventoryLeavesOpen() throws Exception {
        config("""
                Host web*
                  HostName 10.0.0.5
                  User deploy
                  Port 2200
                  IdentityFile ~/.ssh/deploy_key
                  ProxyJump bastion
                Host *
                  User nobody
                  ConnectTimeout 7
                """);
        SshOptions o = SshOptions.resolve(target("web1", null, 0, null, List.of()), home);
        assertThat(o.host()).isEqualTo("10.0.0.5");
        assertThat(o.port()).isEqualTo(2200);
        assertThat(o.user()).isEqualTo("deploy");
        assertThat(o.identityFiles()).containsExactly(home.resolve(".ssh/deploy_key"));
        assertThat(o.proxyJump()).isEqualTo("bastion");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void inventoryValuesAndCommandLineOptionsWinOverTheConfigFile() throws Exception {
        config("Host web1\n  User deploy\n  Port 2200\n  StrictHostKeyChecking no\n");
        SshOptions o = SshOptions.resolve(target("web1", "10.1.1.1", 22, "admin",
                List.of("-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=/tmp/kh", "-C", "-o", "ControlMaster=auto")), home);
        assertThat(o.host()).isEqualTo("10.1.1.1");
        assertThat(o.port()).isEqualTo(22);
        assertThat(o.user()).isEqualTo("admin");
        assertThat(o.hostKeys()).isEqualTo(Target.HostKeyPolicy.ACCEPT_NEW);
        assertThat(o.knownHosts()).startsWith(Path.of("/tmp/kh"));
        assertThat(o.ignored()).isEmpty();
    }

    @Test
    void hostKeyCheckingOffInAnsibleBeatsEverything() throws Exception {
        Target t = new Target("h", "ssh", null, 0, "u", List.of(), null, List.of("-o", "StrictHostKeyChecking=yes"), null, Target.HostKeyPolicy.OFF);
        assertThat(SshOptions.resolve(t, home).hostKeys()).isEqualTo(Target.HostKeyPolicy.OFF);
    }

    @Test
    void negatedPatternsAndMatchBlocks() throws Exception {
        config("Host * !db1\n  Port 2222\nMatch host db1\n  Port 3333\nHost db1\n  User dbadmin\n");
        assertThat(SshOptions.resolve(target("db1", null, 0, null, List.of()), home).port()).isEqualTo(22);
        assertThat(SshOptions.resolve(target("db1", null, 0, null, List.of()), home).user()).isEqualTo("dbadmin");
        assertThat(SshOptions.resolve(target("app", null, 0, null, List.of()), home).port()).isEqualTo(2222);
    }

    @Test
    void proxyCommandIsReportedAsUnsupported() throws Exception {
        SshOptions o = SshOptions.resolve(target("h", null, 0, null, List.of("-o", "ProxyCommand=ssh -W %h:%p bastion")), home);
        assertThat(o.ignored()).containsExactly("ProxyCommand");
    }

    @Test
    void defaultIdentitiesAreTheOnesThatExist() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_rsa"), "x");
        assertThat(SshOptions.resolve(target("h", null, 0, null, List.of("-F", "none")), home).identityFiles())
                .containsExactly(home.resolve(".ssh/id_rsa"));
    }
}
