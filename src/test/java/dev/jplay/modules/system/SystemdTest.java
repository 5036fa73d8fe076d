package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdTest {
    @TempDir
    Path dir;
    FakeHost host;
    final Systemd systemd = new Systemd();

    @BeforeEach
    void setUp() {
        host = FakeSystemd.install(dir, "nginx inactive disabled\nssh active enabled\n");
    }

    @Test
    void startsAndEnablesInOneCallThenIsIdempotent() throws Exception {
        Map<String, Object> r = host.context().run(systemd, Map.of("name", "nginx", "state", "started", "enabled", true));
        assertThat(r).containsEntry("changed", true).containsEntry("name", "nginx").containsEntry("state", "started")
                .containsEntry("enabled", true);
        assertThat(host.calls()).containsExactly("systemctl show nginx", "systemctl is-enabled nginx",
                "systemctl enable nginx", "systemctl start nginx");
        assertThat(host.read("units")).contains("nginx active enabled");
        host.clear();
        Map<String, Object> again = host.context().run(systemd, Map.of("name", "nginx", "state", "started", "enabled", true));
        assertThat(again).containsEntry("changed", false);
        assertThat(host.calls()).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) again.get("status");
        assertThat(status).containsEntry("ActiveState", "active").containsEntry("UnitFileState", "enabled")
                .containsEntry("ExecStart", "{ path=/usr/sbin/x ;\n argv[]=/usr/sbin/x }");
    }

    @Test
    void checkModeChangesNothing() throws Exception {
        Map<String, Object> r = host.context().check(true).run(systemd,
                Map.of("name", "ssh", "state", "stopped", "daemon_reload", true));
        assertThat(r).containsEntry("changed", true).containsEntry("state", "stopped");
        assertThat(host.calls()).containsExactly("systemctl show ssh", "systemctl is-enabled ssh");
        assertThat(host.read("units")).contains("ssh active enabled");
    }

    @Test
    void restartedAlwaysActsAndReportsStarted() throws Exception {
        Map<String, Object> r = host.context().run(systemd, Map.of("name", "ssh", "state", "restarted", "daemon_reload", true));
        assertThat(r).containsEntry("changed", true).containsEntry("state", "started");
        assertThat(host.calls()).containsExactly("systemctl daemon-reload", "systemctl show ssh", "systemctl is-enabled ssh",
                "systemctl restart ssh");
    }

    @Test
    void masksAndUnmasks() throws Exception {
        assertThat(host.context().run(systemd, Map.of("name", "nginx", "masked", true))).containsEntry("changed", true);
        assertThat(host.read("units")).contains("nginx inactive masked");
        assertThat(host.context().run(systemd, Map.of("name", "nginx", "masked", true))).containsEntry("changed", false);
        assertThat(host.context().run(systemd, Map.of("name", "nginx", "masked", false))).containsEntry("changed", true);
    }

    @Test
    void missingUnitAndGlobsFail() throws Exception {
        assertThat(host.context().run(systemd, Map.of("name", "nope", "state", "started")))
                .containsEntry("failed", true).containsEntry("msg", "Could not find the requested service nope: host");
        assertThat(host.context().run(systemd, Map.of("name", "ng*", "state", "started"))).containsEntry("msg",
                "This module does not currently support using glob patterns, found '*' in service name: ng*");
    }

    @Test
    void failingActionReportsAnsiblesMessage() throws Exception {
        host.file("units", "nginx inactive masked\n");
        Map<String, Object> r = host.context().run(systemd, Map.of("name", "nginx", "state", "started"));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "Unable to start service nginx: Unit nginx is masked.\n");
    }

    @Test
    void userScopeGetsARuntimeDir() throws Exception {
        host.tool("systemctl", "echo \"$XDG_RUNTIME_DIR $*\" >> " + host.state().resolve("user.log") + "; echo ActiveState=active; echo LoadState=loaded");
        Map<String, Object> r = host.context().run(systemd, Map.of("name", "app", "state", "started", "scope", "user"));
        assertThat(r).containsEntry("changed", false);
        assertThat(host.read("user.log")).matches("(?s)/\\S+ --user show app\n.*");
    }

    @Test
    void serviceDelegatesToSystemd() throws Exception {
        Service service = new Service(systemd);
        Map<String, Object> r = host.context().run(service, Map.of("name", "ssh", "enabled", false));
        assertThat(r).containsEntry("changed", true).containsEntry("enabled", false);
        assertThat(host.calls()).last().isEqualTo("systemctl disable ssh");
        assertThat(host.context().run(service, Map.of("name", "ssh", "enabled", false))).containsEntry("changed", false);
        assertThat(List.of(service.spec().name())).containsExactly("service");
    }
}
