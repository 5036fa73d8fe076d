package dev.jplay.modules.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts parse recorded outputs, and read together in one round trip on a real (local) host. */
class FactTest {
    @TempDir
    Path dir;

    @Test
    void parsersFromRecordedOutputs() {
        assertThat(Fact.fileText("/etc/x").parse(new Probes.Part("a=1\nb=2\n", 0))).isEqualTo("a=1\nb=2\n");
        assertThat(Fact.fileText("/etc/x").parse(new Probes.Part("", 1))).isNull();
        assertThat(Fact.mode("/tmp").parse(new Probes.Part("1777\n", 0))).isEqualTo("1777");
        assertThat(Fact.mode("/nope").parse(new Probes.Part("", 1))).isNull();
        assertThat(Fact.lines("ls").parse(new Probes.Part("a.asc\nb.gpg\n", 0))).containsExactly("a.asc", "b.gpg");
        assertThat(Fact.lines("ls a b").parse(new Probes.Part("a\n", 2))).containsExactly("a");
        assertThat(Fact.lines("ls").parse(new Probes.Part("", 2))).isEmpty();
        assertThat(Fact.mode("/a b").command()).isEqualTo("stat -c %a '/a b'");
    }

    @Test
    void factsAreReadInOneRoundTripOnTheHost() throws Exception {
        Path conf = Files.writeString(dir.resolve("app conf"), "x=1\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));
        Fact<String> text = Fact.fileText(conf.toString());
        Fact<String> mode = Fact.mode(conf.toString());
        Fact<String> missing = Fact.fileText(dir.resolve("none").toString());
        Fact<List<String>> names = Fact.lines("ls '" + dir + "'");
        Fact<Probes.Part> failing = Fact.raw("echo oops; exit 3");
        TestContext ctx = TestContext.local();
        Probes.Values v = Probes.read(ctx, text, mode, missing, names, failing);
        assertThat(v.get(text)).isEqualTo("x=1\n");
        assertThat(v.get(mode)).isEqualTo("640");
        assertThat(v.get(missing)).isNull();
        assertThat(v.get(names)).containsExactly("app conf");
        assertThat(v.get(failing)).isEqualTo(new Probes.Part("oops\n", 3));
        assertThatThrownBy(() -> v.get(Fact.mode("/"))).hasMessageStartingWith("this fact was not read");
    }
}
