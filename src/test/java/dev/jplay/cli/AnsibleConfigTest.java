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
    void jinja2NativeIsASettingNotARefusal() throws Exception {
        AnsibleConfig c = AnsibleConfig.load(Map.of("ANSIBLE_JINJA2_NATIVE", "1"), dir, dir);
        c.refuseUnimplemented();
        assertThat(c.find("DEFAULT_JINJA2_NATIVE")).contains(true);
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\njinja2_native = yes\n[jinja2]\ndont_type_filters = string\n");
        AnsibleConfig f = AnsibleConfig.load(Map.of("ANSIBLE_CONFIG", "ansible.cfg"), dir, dir);
        assertThat(f.find("DEFAULT_JINJA2_NATIVE")).contains(true);
        assertThat(f.find("STRING_TYPE_FILTERS")).contains(java.util.List.of("string"));
    }
}
