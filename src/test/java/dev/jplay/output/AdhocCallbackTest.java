package dev.jplay.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Loc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code oneline} callback's result line, as ansible 2.14 prints it (`ansible -o`, `-vvv -o`). */
class AdhocCallbackTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0 ; h1 | SUCCESS => {\"changed\": false,\"ping\": \"pong\"}",
        "3 ; h1 | SUCCESS => {    \"changed\": false,    \"ping\": \"pong\"}"})
    void onelineIndentsFromVvvThenJoinsTheLines(int verbosity, String expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        AdhocCallback cb = new AdhocCallback(new Display(ps, ps, false, 80), verbosity, true, false);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("ping", "pong");
        cb.on(new Event.HostResult("h1", new TaskInfo("t1", "ping", null, "ping", Loc.UNKNOWN, false, false, false), Status.OK, r, null, false));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected + "\n");
    }

    @Test
    void minimalIndentsByFour() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        AdhocCallback cb = new AdhocCallback(new Display(ps, ps, false, 80), 0, false, false);
        cb.on(new Event.HostResult("h1", new TaskInfo("t1", "ping", null, "ping", Loc.UNKNOWN, false, false, false), Status.OK,
                Map.of("changed", false), null, false));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("h1 | SUCCESS => {\n    \"changed\": false\n}\n");
    }
}
