package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.Needs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A playbook on a {@code community.general.chroot} host: the tree is an overlay of this machine's root, mounted for
 * each command by a {@code chroot_exe} wrapper (so sudo inside is real and nothing stays mounted), its changes kept
 * in {@code upper/}. Shows that files land in the tree and never on the controller, become happens inside the tree,
 * a second run changes nothing and check mode writes nothing.
 */
class ChrootPlaybookTest {
    private static final String PLAY = """
            - hosts: image
              gather_facts: false
              tasks:
                - copy: {content: "built by jplay\\n", dest: /etc/jplay-image, mode: "0644"}
                - lineinfile: {path: /etc/jplay-image.conf, line: "{{ extra | default('second') }}", create: true}
                - file: {path: /opt/jplay-image-dir, state: directory, owner: nobody}
                - command: id -un
                  become: true
                  become_user: nobody
                  register: who
                  changed_when: false
                  check_mode: false
                - copy: {content: "{{ who.stdout }}\\n", dest: /tmp/jplay-who}
                  become: true
                  become_user: nobody
            """;

    @TempDir
    Path dir;
    Path upper;

    @BeforeEach
    void tree() throws Exception {
        Needs.root("needs root (chroot and overlay mounts)");
        Path base = Files.createDirectories(dir.resolve("image"));
        upper = Files.createDirectories(base.resolve("upper"));
        Files.createDirectories(base.resolve("work"));
        Path tree = Files.createDirectories(base.resolve("root/bin"));
        Files.createSymbolicLink(tree.resolve("sh"), Path.of("dash"));
        Path exe = dir.resolve("chroot-overlay");
        try (InputStream in = getClass().getResourceAsStream("/chroot/chroot-overlay")) {
            Files.copy(in, exe);
        }
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("hosts"), "image ansible_connection=community.general.chroot ansible_host=" + base.resolve("root")
                + " ansible_chroot_exe=" + exe + "\n");
    }

    @Test
    void tasksChangeTheTreeOnlyWithBecomeInsideAndAreIdempotent() throws Exception {
        Runs first = new Runs(dir).run(PLAY);
        assertThat(first.recap("image")).isEqualTo("5 4 0 0 0 0 0");
        assertThat(upper.resolve("etc/jplay-image")).hasContent("built by jplay");
        assertThat(upper.resolve("etc/jplay-image.conf")).hasContent("second");
        assertThat(Path.of("/etc/jplay-image")).doesNotExist();
        assertThat(upper.resolve("tmp/jplay-who")).hasContent("nobody");
        assertThat(Files.getAttribute(upper.resolve("tmp/jplay-who"), "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(upper.resolve("opt/jplay-image-dir"), "unix:uid")).isEqualTo(65534);

        Runs second = new Runs(dir).run(PLAY);
        assertThat(second.recap("image")).as(second.rec.statuses().toString()).isEqualTo("5 0 0 0 0 0 0");

        Runs check = new Runs(dir).run(PLAY.replace("default('second')", "default('third')"), o -> o.with(new Mode(true, false, 0)));
        assertThat(check.recap("image")).isEqualTo("5 1 0 0 0 0 0");
        assertThat(upper.resolve("etc/jplay-image.conf")).hasContent("second");
    }

    @Test
    void aMissingTreeIsUnreachable() throws Exception {
        Files.writeString(dir.resolve("hosts"), "gone ansible_connection=chroot ansible_host=" + dir.resolve("nowhere") + "\n");
        Runs r = new Runs(dir).run("- hosts: gone\n  gather_facts: false\n  tasks:\n    - command: 'true'\n");
        assertThat(r.recap("gone")).isEqualTo("0 0 1 0 0 0 0");
        assertThat(r.res("command", "gone")).containsEntry("msg", dir.resolve("nowhere") + " is not a directory");
    }
}
