package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jplay.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings jplay does not implement are refused where they were set, never ignored. */
class AnsibleConfigTest {
    @TempDir
    Path dir;

    @Test
    void hashBehaviourMergeInTheConfigFileIsRefusedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nforks = 3\nhash_behaviour = merge\n");
        AnsibleConfig c = AnsibleConfig.load(Map.of("ANSIBLE_CONFIG", "ansible.cfg"), dir, dir);
        SourceException e = catchThrowableOfType(SourceException.class, c::refuseUnimplemented);
        assertThat(e.getMessage()).startsWith("hash_behaviour = merge is not supported by jplay");
        assertThat(e.loc().toString()).isEqualTo(dir.resolve("ansible.cfg") + ":3:1");
        assertThat(e.kind()).isEqualTo(SourceException.Kind.OPTIONS);
    }

    @Test
    void hashBehaviourMergeFromTheEnvironmentIsRefusedNamingIt() {
        AnsibleConfig c = AnsibleConfig.load(Map.of("ANSIBLE_HASH_BEHAVIOUR", "merge"), dir, dir);
        SourceException e = catchThrowableOfType(SourceException.class, c::refuseUnimplemented);
        assertThat(e.loc().file()).isEqualTo("environment variable ANSIBLE_HASH_BEHAVIOUR");
    }

    @Test
    void hashBehaviourReplaceIsWhatJplayDoes() {
        AnsibleConfig.load(Map.of("ANSIBLE_HASH_BEHAVIOUR", "replace"), dir, dir).refuseUnimplemented();
    }

    @Test
    void jinja2NativeIsRefusedWhereItIsSet() throws Exception {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> AnsibleConfig.load(Map.of("ANSIBLE_JINJA2_NATIVE", "1"), dir, dir).refuseUnimplemented());
        assertThat(e.getMessage()).startsWith("jinja2_native = True is not supported by jplay");
        assertThat(e.loc().file()).isEqualTo("environment variable ANSIBLE_JINJA2_NATIVE");
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\njinja2_native = yes\n");
        SourceException f = catchThrowableOfType(SourceException.class,
                () -> AnsibleConfig.load(Map.of("ANSIBLE_CONFIG", "ansible.cfg"), dir, dir).refuseUnimplemented());
        assertThat(f.loc().toString()).isEqualTo(dir.resolve("ansible.cfg") + ":2:1");
        AnsibleConfig.load(Map.of("ANSIBLE_JINJA2_NATIVE", "0"), dir, dir).refuseUnimplemented();
    }
}
