package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.Connections;
import dev.jplay.modules.TestContext;
import dev.jplay.modules.system.Sysvinit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sysvinit module on a lab host (its own overlay root, so /etc/init.d and /etc/rc?.d are the host's to change)
 * with a small LSB init script. The expected results were recorded from ansible-playbook 2.14.18 running the same
 * tasks on another lab host: the same results, field for field, except for daemonize, which crashes in ansible-core
 * 2.14 on Python 3.11 (EOFError in module_utils.service.daemonize) and works here.
 */
class SysvinitLabTest {
    private static final String INIT = """
            #!/bin/sh
            ### BEGIN INIT INFO
            # Provides:          jplaysvc
            # Required-Start:    $remote_fs
            # Required-Stop:     $remote_fs
            # Default-Start:     2 3 4 5
            # Default-Stop:      0 1 6
            # Short-Description: jplay test service
            ### END INIT INFO
            PIDF=/var/tmp/jplaysvc.pid
            running() { [ -f $PIDF ] && kill -0 "$(cat $PIDF)" 2>/dev/null; }
            case "$1" in
              start) running || { setsid sleep 3600 </dev/null >/dev/null 2>&1 & echo $! > $PIDF; }; echo "Starting jplaysvc $2" ;;
              stop) running && kill "$(cat $PIDF)"; rm -f $PIDF; echo "Stopping jplaysvc" ;;
              reload) running || { echo "not running" >&2; exit 7; }; echo "Reloading jplaysvc" ;;
              status) if running; then echo "jplaysvc is running"; exit 0; else echo "jplaysvc is not running"; exit 3; fi ;;
              *) echo "Usage: $0 {start|stop|reload|status}" >&2; exit 2 ;;
            esac
            """;
    static Lab lab;
    static Connections connections;
    final Sysvinit module = new Sysvinit();

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up("10.244", 1, null);
        connections = new Connections(Path.of(System.getProperty("user.home")));
        lab.ssh("lab01", "cat > /etc/init.d/jplaysvc <<'EOF'\n" + INIT + "EOF\nchmod +x /etc/init.d/jplaysvc");
    }

    @AfterAll
    static void down() throws Exception {
        if (lab == null) return;
        try {
            lab.ssh("lab01", "/etc/init.d/jplaysvc stop");
        } finally {
            connections.close();
            lab.close();
        }
    }

    private Map<String, Object> run(boolean check, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "jplaysvc");
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        return new TestContext(connections.get(lab.target(1, "root"))).check(check).run(module, args);
    }

    private static Map<String, Object> part(boolean changed, Object rc, String out, String err) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", changed);
        m.put("rc", rc);
        m.put("stdout", out);
        m.put("stderr", err);
        return m;
    }

    private static Map<String, Object> unchanged() {
        return part(false, null, null, null);
    }

    private static Map<String, Object> status(String state, Map<String, Object> enabled, Map<String, Object> st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        m.put(state, st);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private String ssh(String command) throws Exception {
        return lab.ssh("lab01", command).strip();
    }

    @Test
    void startsEnablesRestartsReloadsAndStopsAsAnsible() throws Exception {
        lab.ssh("lab01", "/etc/init.d/jplaysvc stop; update-rc.d -f jplaysvc remove");
        assertThat(run(false, "state", "started", "enabled", true)).containsEntry("changed", true)
                .containsEntry("status", status("started", part(true, 0L, "", ""), part(true, 0L, "Starting jplaysvc \n", "")));
        assertThat(ssh("ls /etc/rc2.d/ | grep jplaysvc") + " " + ssh("ls /etc/rc0.d/ | grep jplaysvc")).isEqualTo("S01jplaysvc K01jplaysvc");
        assertThat(ssh("/etc/init.d/jplaysvc status")).isEqualTo("jplaysvc is running");
        assertThat(run(false, "state", "started", "enabled", true)).containsEntry("changed", false)
                .containsEntry("status", status("started", unchanged(), unchanged()));
        assertThat(run(true, "state", "stopped")).containsEntry("changed", true)
                .containsEntry("status", status("stopped", unchanged(), part(true, null, null, null)));
        assertThat(ssh("/etc/init.d/jplaysvc status")).isEqualTo("jplaysvc is running");
        assertThat(run(false, "state", "restarted", "sleep", 0L))
                .containsEntry("status", status("restarted", unchanged(), part(true, 0L, "Starting jplaysvc \n", "")));
        assertThat(run(false, "state", "reloaded")).containsEntry("changed", true)
                .containsEntry("status", status("reloaded", unchanged(), part(true, 0L, "Reloading jplaysvc\n", "")));
        assertThat(run(false, "state", "started", "arguments", "--foo 'a b'")).containsEntry("changed", false);
        assertThat(run(false, "state", "stopped")).containsEntry("changed", true)
                .containsEntry("status", status("stopped", unchanged(), part(true, 0L, "Stopping jplaysvc\n", "")));
        assertThat(run(false, "state", "stopped")).containsEntry("changed", false);
        assertThat(run(false, "state", "started", "arguments", "--foo 'a b'"))
                .containsEntry("status", status("started", unchanged(), part(true, 0L, "Starting jplaysvc --foo\n", "")));
        Map<String, Object> failed = run(false, "state", "stopped", "pattern", "nosuchpattern-xyz");
        assertThat(failed).containsEntry("changed", false).containsEntry("warnings", List.of("Unable to determine if service is up, assuming it is down"));
        lab.ssh("lab01", "/etc/init.d/jplaysvc stop");
        assertThat(run(false, "state", "reloaded")).containsEntry("failed", true).containsEntry("msg", "Failed to reload service: jplaysvc")
                .containsEntry("rc", 7L).containsEntry("stdout", "").containsEntry("stderr", "not running\n").doesNotContainKey("status");
        Map<String, Object> daemonized = run(false, "state", "started", "daemonize", true);
        assertThat(daemonized).containsEntry("status", status("started", unchanged(), part(true, 0L, "Starting jplaysvc \n", "")));
        assertThat(ssh("/etc/init.d/jplaysvc status")).isEqualTo("jplaysvc is running");
    }

    @Test
    void runlevelsAndMissingServicesAsAnsible() throws Exception {
        lab.ssh("lab01", "update-rc.d jplaysvc defaults");
        Map<String, Object> off = run(false, "enabled", false, "runlevels", List.of("2", "3"));
        assertThat(off).containsEntry("changed", true);
        assertThat(map(off.get("status")).keySet()).containsExactly("enabled", "null");
        assertThat(map(map(off.get("status")).get("enabled"))).containsEntry("changed", true).containsEntry("rc", 0L)
                .containsEntry("runlevels", List.of("2", "3"));
        assertThat(ssh("ls /etc/rc2.d/ /etc/rc3.d/ /etc/rc4.d | grep jplaysvc")).isEqualTo("K01jplaysvc\nK01jplaysvc\nS01jplaysvc");
        assertThat(run(false, "enabled", false, "runlevels", List.of("2", "3"))).containsEntry("changed", false);
        Map<String, Object> nine = run(false, "enabled", true, "runlevels", List.of("9"));
        assertThat(nine).containsEntry("changed", true).doesNotContainKey("failed");
        assertThat(map(map(nine.get("status")).get("enabled"))).containsEntry("rc", 1L).containsEntry("stderr",
                "update-rc.d: warning: enable action will have no effect on runlevel 9\nupdate-rc.d: error: no runlevel symlinks to modify, aborting!\n");
        assertThat(run(true, "enabled", false)).containsEntry("changed", true);
        assertThat(ssh("ls /etc/rc4.d | grep jplaysvc")).isEqualTo("S01jplaysvc");
        assertThat(run(false, "enabled", false)).containsEntry("changed", true);
        assertThat(ssh("ls /etc/rc4.d | grep jplaysvc")).isEqualTo("K01jplaysvc");
        assertThat(run(false, "enabled", false)).containsEntry("changed", false);
        assertThat(new TestContext(connections.get(lab.target(1, "root"))).run(module, Map.of("name", "nosuch", "state", "started")))
                .containsEntry("failed", true).containsEntry("msg", "Could not find the requested service nosuch: ");
    }
}
