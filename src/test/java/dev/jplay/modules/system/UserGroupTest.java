package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserGroupTest {
    @TempDir
    Path dir;
    FakeHost host;
    final User user = new User();
    final Group group = new Group();

    @BeforeEach
    void setUp() {
        host = FakeUsers.install(dir);
    }

    @Test
    void createsUserThenIsIdempotent() throws Exception {
        String home = dir.resolve("home/deploy").toString();
        Map<String, Object> args = Map.of("name", "deploy", "uid", 1500, "shell", "/bin/bash", "groups", List.of("sudo", "docker"),
                "home", home, "comment", "Deploy");
        Map<String, Object> r = host.context().run(user, args);
        assertThat(r).containsEntry("changed", true).containsEntry("uid", 1500L).containsEntry("shell", "/bin/bash")
                .containsEntry("home", home).containsEntry("groups", "sudo,docker").containsEntry("create_home", true)
                .containsEntry("system", false);
        assertThat(host.calls()).contains("useradd -u 1500 -G sudo,docker -c Deploy -d " + home + " -s /bin/bash -m deploy");
        host.clear();
        Map<String, Object> again = host.context().run(user, args);
        assertThat(again).containsEntry("changed", false).containsEntry("append", false).containsEntry("comment", "Deploy");
        assertThat(host.calls()).noneMatch(c -> c.startsWith("usermod") || c.startsWith("useradd"));
    }

    @Test
    void appendsGroupsAndChangesShell() throws Exception {
        host.context().run(user, Map.of("name", "bob", "groups", "sudo", "create_home", false));
        Map<String, Object> args = Map.of("name", "bob", "groups", List.of("docker"), "append", true, "shell", "/bin/zsh",
                "create_home", false);
        assertThat(host.context().check(true).run(user, args)).containsEntry("changed", true);
        assertThat(host.read("passwd")).doesNotContain("/bin/zsh");
        host.clear();
        assertThat(host.context().run(user, args)).containsEntry("changed", true).containsEntry("shell", "/bin/zsh");
        assertThat(host.calls()).contains("usermod -a -G docker -s /bin/zsh bob");
        assertThat(host.read("group")).contains("sudo:x:27:bob", "docker:x:999:bob");
        assertThat(host.context().run(user, args)).containsEntry("changed", false);
        Map<String, Object> exact = Map.of("name", "bob", "groups", List.of("docker"), "create_home", false);
        assertThat(host.context().run(user, exact)).containsEntry("changed", true);
        assertThat(host.read("group")).contains("sudo:x:27:\n");
    }

    @Test
    void passwordGoesThroughStdinOnly() throws Exception {
        String hash = "$6$salt$abcdef";
        Map<String, Object> args = Map.of("name", "eve", "password", hash, "create_home", false);
        Map<String, Object> r = host.context().run(user, args);
        assertThat(r).containsEntry("changed", true).containsEntry("password", "NOT_LOGGING_PASSWORD");
        assertThat(host.read("shadow")).contains("eve:" + hash + ":");
        assertThat(host.calls()).noneMatch(c -> c.contains(hash));
        assertThat(host.context().run(user, args)).containsEntry("changed", false);
        assertThat(host.context().run(user, Map.of("name", "eve", "password", "$6$x$y", "update_password", "on_create",
                "create_home", false))).containsEntry("changed", false);
    }

    @Test
    void missingGroupFailsAndAbsentRemoves() throws Exception {
        assertThat(host.context().run(user, Map.of("name", "x", "group", "nogroup2")))
                .containsEntry("failed", true).containsEntry("msg", "Group nogroup2 does not exist");
        host.context().run(user, Map.of("name", "tmp", "create_home", false));
        assertThat(host.context().check(true).run(user, Map.of("name", "tmp", "state", "absent"))).containsEntry("changed", true);
        assertThat(host.read("passwd")).contains("tmp:");
        assertThat(host.context().run(user, Map.of("name", "tmp", "state", "absent", "remove", true)))
                .containsEntry("changed", true).containsEntry("remove", true);
        assertThat(host.calls()).contains("userdel -r tmp");
        assertThat(host.context().run(user, Map.of("name", "tmp", "state", "absent"))).containsEntry("changed", false);
    }

    @Test
    void lockExpiryAndSshKey() throws Exception {
        String home = dir.resolve("home/ops").toString();
        Map<String, Object> args = Map.of("name", "ops", "home", home, "password_lock", true, "expires", 1893456000,
                "generate_ssh_key", true, "ssh_key_type", "ed25519", "ssh_key_comment", "ops@jplay");
        Map<String, Object> r = host.context().run(user, args);
        assertThat(r).containsEntry("changed", true).containsEntry("ssh_key_file", home + "/.ssh/id_ed25519")
                .containsEntry("ssh_public_key", "ssh-ed25519 AAAAfake ops@jplay")
                .containsEntry("ssh_fingerprint", "256 SHA256:fakeprint ops@jplay (ED25519)");
        assertThat(host.calls()).anyMatch(c -> c.startsWith("useradd -d " + home + " -e 2030-01-01 -m ops"));
        assertThat(host.read("shadow")).contains("ops:!:19000:::::21915:");
        host.clear();
        dev.jplay.modules.TestContext quiet = host.context();
        Map<String, Object> again = quiet.run(user, args);
        assertThat(again).containsEntry("changed", false).doesNotContainKey("warnings");
        assertThat(quiet.warnings()).isEmpty();
        assertThat(host.calls()).noneMatch(c -> c.startsWith("usermod") || c.startsWith("ssh-keygen -q"));
        Map<String, Object> unlock = host.context().run(user, Map.of("name", "ops", "password_lock", false, "expires", -1));
        assertThat(unlock).containsEntry("changed", true);
        assertThat(host.calls()).contains("usermod -e  -U ops");
        assertThat(host.read("shadow")).contains("ops::19000::::::");
    }

    @Test
    void groupLifecycle() throws Exception {
        assertThat(host.context().check(true).run(group, Map.of("name", "web", "gid", 3000))).containsEntry("changed", true);
        assertThat(host.read("group")).doesNotContain("web");
        Map<String, Object> r = host.context().run(group, Map.of("name", "web", "gid", 3000));
        assertThat(r).containsEntry("changed", true).containsEntry("gid", 3000L).containsEntry("name", "web")
                .containsEntry("state", "present").containsEntry("system", false);
        assertThat(host.context().run(group, Map.of("name", "web", "gid", 3000))).containsEntry("changed", false);
        assertThat(host.context().run(group, Map.of("name", "web", "gid", 3001))).containsEntry("changed", true).containsEntry("gid", 3001L);
        assertThat(host.calls()).contains("groupadd -g 3000 web", "groupmod -g 3001 web");
        assertThat(host.context().run(group, Map.of("name", "web", "state", "absent"))).containsEntry("changed", true);
        assertThat(host.context().run(group, Map.of("name", "web", "state", "absent"))).containsEntry("changed", false);
    }
}
