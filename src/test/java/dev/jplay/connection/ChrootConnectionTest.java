package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.testing.ChrootTree;
import dev.jplay.testing.Needs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chroot connection on a real tree made from this machine's own binaries ({@link ChrootTree}). */
class ChrootConnectionTest {
    @TempDir
    static Path dir;
    static Path tree;

    @BeforeAll
    static void tree() throws Exception {
        Needs.root("needs root (chroot)");
        tree = ChrootTree.make(Files.createDirectories(dir.resolve("tree")));
        Files.writeString(tree.resolve("etc/marker"), "inside\n");
    }

    private static Connection open(Path t, String exe) throws ConnectionException {
        ConnectionType chroot = ConnectionTypes.find("community.general.chroot").orElseThrow();
        Target target = new Target("image", "chroot", t.toString(), 0, "root", null, null, null, null, null).withOption("chroot_exe", exe);
        return chroot.open(target, null);
    }

    @Test
    void commandsRunInsideTheTree() throws Exception {
        try (Connection c = open(tree, "chroot")) {
            ExecResult r = c.exec(ExecRequest.of("cat /etc/marker; ls /; pwd"));
            assertThat(r.rc()).isZero();
            assertThat(r.out()).startsWith("inside\n").contains("usr\n").doesNotContain("proc\n").endsWith("/\n");
            assertThat(c.isLocal()).isFalse();
            assertThat(c.exec(ExecRequest.of("exit 3")).rc()).isEqualTo(3);
            assertThat(c.exec(new ExecRequest("cat", "from stdin".getBytes(StandardCharsets.UTF_8), null, null, null, null, null)).out())
                    .isEqualTo("from stdin");
        }
    }

    @Test
    void filesAreWrittenAndReadInsideTheTree() throws Exception {
        try (Connection c = open(tree, "/usr/sbin/chroot")) {
            c.put("hello\n".getBytes(StandardCharsets.UTF_8), "/etc/greeting", new FileAttrs("0640", null, null), null);
            assertThat(tree.resolve("etc/greeting")).hasContent("hello");
            assertThat(c.exec(ExecRequest.of("stat -c %a /etc/greeting")).out()).isEqualTo("640\n");
            assertThat(new String(c.get("/etc/greeting", null), StandardCharsets.UTF_8)).isEqualTo("hello\n");
            Path local = dir.resolve("fetched");
            c.get("/etc/marker", local, null);
            assertThat(local).hasContent("inside");
            try (var left = Files.list(tree.resolve("etc"))) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".jplay-"));
            }
        }
    }

    @Test
    void anAbsoluteSymlinkInTheTreeNeverLeadsToTheControllersFiles() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(tree.resolve("escape"), outside);
        try (Connection c = open(tree, "chroot")) {
            assertThatThrownBy(() -> c.put("x".getBytes(StandardCharsets.UTF_8), "/escape/f", new FileAttrs(null, null, null), null))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("cannot write /escape/f");
        }
        assertThat(outside.resolve("f")).doesNotExist();
    }

    @Test
    void aTreeThatCannotBeUsedIsUnreachableWithAnsiblesMessages() throws Exception {
        assertThatThrownBy(() -> open(dir.resolve("missing"), "chroot")).isInstanceOf(ConnectionException.class)
                .hasMessage(dir.resolve("missing") + " is not a directory");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> open(empty, "chroot"))
                .hasMessage(empty + " does not look like a chrootable dir (/bin/sh missing)");
        assertThatThrownBy(() -> open(tree, "no-such-chroot")).hasMessageStartingWith("Failed to find required executable \"no-such-chroot\" in paths: ");
        assertThat(((ConnectionException) catchOpen(empty)).kind()).isEqualTo(ConnectionException.Kind.UNREACHABLE);
    }

    private static Throwable catchOpen(Path t) {
        try {
            open(t, "chroot").close();
            return null;
        } catch (ConnectionException e) {
            return e;
        }
    }
}
