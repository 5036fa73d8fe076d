package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which stdout callback {@code jplay adhoc} uses, as ansible 2.14's {@code ansible}: {@code minimal}, unless
 * {@code ANSIBLE_LOAD_CALLBACK_PLUGINS} is on and the configured stdout callback is not {@code default}.
 */
class AdhocCallbackChoiceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"True, oneline, oneline", "False, oneline, minimal", "True, default, minimal", ", oneline, minimal"})
    void configuredCallbackOnlyWithLoadCallbackPlugins(String load, String stdout, String expected) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("ANSIBLE_CONFIG", "/dev/null", "ANSIBLE_STDOUT_CALLBACK", stdout));
        if (load != null) env.put("ANSIBLE_LOAD_CALLBACK_PLUGINS", load);
        assertThat(Wiring.adhocCallback(Settings.load(env, dir))).isEqualTo(expected);
    }
}
