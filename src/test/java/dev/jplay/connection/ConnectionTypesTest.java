package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionTypesTest {
    /** Settings from a map of host variables and one of keywords. */
    private record Vars(Map<String, String> vars, Map<String, String> keywords, ConnectionDefaults defaults) implements TargetSettings {
        Vars(Map<String, String> vars) {
            this(vars, Map.of(), ConnectionDefaults.none());
        }

        @Override
        public String variable(String... variables) {
            for (String v : variables) if (vars.containsKey(v)) return vars.get(v);
            return null;
        }

        @Override
        public String setting(String keyword, String fallback, String... variables) {
            String v = variable(variables);
            return v != null ? v : keywords.getOrDefault(keyword, fallback);
        }

        @Override
        public Boolean flag(String... variables) {
            String v = variable(variables);
            return v == null ? null : List.of("yes", "true", "True", "1").contains(v);
        }
    }

    private static Target target(String type, String host, TargetSettings s) {
        return ConnectionTypes.find(type).orElseThrow().target(host, s);
    }

    @Test
    void everyNameAnsibleAcceptsFindsItsType() {
        for (String n : List.of("ssh", "smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh", "ansible.legacy.ssh")) {
            assertThat(ConnectionTypes.find(n)).get().extracting(ConnectionType::name).isEqualTo("ssh");
        }
        assertThat(ConnectionTypes.find("ansible.builtin.local")).get().extracting(ConnectionType::name).isEqualTo("local");
        assertThat(ConnectionTypes.find("community.general.chroot")).get().extracting(ConnectionType::name).isEqualTo("chroot");
        assertThat(ConnectionTypes.names()).contains("chroot", "local", "ssh", "smart").doesNotContain("docker");
        assertThat(ConnectionTypes.isKnown("winrm")).isFalse();
        assertThat(ConnectionTypes.find(null)).isEmpty();
    }

    @Test
    void anUnknownTypeIsAnsiblesMessageListingTheKnownOnes() {
        assertThat(ConnectionTypes.unknown("carrier_pigeon"))
                .startsWith("the connection plugin 'carrier_pigeon' was not found; jplay connects with: ssh (also smart, paramiko")
                .contains(", local (also ansible.builtin.local", ", chroot (also community.general.chroot)");
    }

    @Test
    void sshReadsTheHostsVariablesBeforeKeywordsAndDefaults() {
        ConnectionDefaults d = new ConnectionDefaults(null, "cli-user", List.of("/k/default"), List.of("-o", "A=1"), null,
                Duration.ofSeconds(7), Target.HostKeyPolicy.ACCEPT_NEW);
        Target t = target("ssh", "web1", new Vars(Map.of("ansible_host", "10.0.0.5", "ansible_port", "2222",
                "ansible_ssh_common_args", "-o B=2", "ansible_host_key_checking", "no", "jplay_persistent_shell", "false"),
                Map.of("remote_user", "kw-user"), d));
        assertThat(t).extracting(Target::type, Target::address, Target::port, Target::user, Target::hostKeys, Target::persistentShell)
                .containsExactly("ssh", "10.0.0.5", 2222, "kw-user", Target.HostKeyPolicy.OFF, false);
        assertThat(t.identityFiles()).containsExactly("/k/default");
        assertThat(t.sshArgs()).containsExactly("-o", "A=1", "-o", "B=2");
        assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(7));

        Target own = target("ssh", "web2", new Vars(Map.of("ansible_user", "var-user", "ansible_ssh_private_key_file", "/k/own",
                "ansible_timeout", "3"), Map.of("remote_user", "kw-user"), d));
        assertThat(own).extracting(Target::user, Target::address, Target::port, Target::hostKeys, Target::persistentShell)
                .containsExactly("var-user", "web2", 0, Target.HostKeyPolicy.ACCEPT_NEW, null);
        assertThat(own.identityFiles()).containsExactly("/k/own");
        assertThat(own.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void localRunsAsTheControllersUserUnlessTold() {
        assertThat(target("local", "localhost", new Vars(Map.of())).user()).isEqualTo(System.getProperty("user.name"));
        assertThat(target("local", "localhost", new Vars(Map.of("ansible_user", "deploy"))).user()).isEqualTo("deploy");
        assertThat(target("local", "localhost", new Vars(Map.of())).isLocal()).isTrue();
    }

    @Test
    void chrootsTreeIsTheHostsAddressAndItsExecutableAnOption() {
        Target byName = target("chroot", "/srv/img", new Vars(Map.of()));
        assertThat(byName).extracting(Target::type, Target::address, Target::isLocal).containsExactly("chroot", "/srv/img", false);
        assertThat(byName.options()).containsEntry("chroot_exe", System.getenv().getOrDefault("ANSIBLE_CHROOT_EXE", "chroot"));
        Target byHost = target("chroot", "image", new Vars(Map.of("ansible_host", "/srv/other", "ansible_chroot_exe", "/opt/chroot")));
        assertThat(byHost.address()).isEqualTo("/srv/other");
        assertThat(byHost.options()).containsEntry("chroot_exe", "/opt/chroot");
    }
}
