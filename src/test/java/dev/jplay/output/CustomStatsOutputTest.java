package dev.jplay.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The default callback's {@code CUSTOM STATS:} after the recap, as ansible-playbook 2.14 prints it (show_custom_stats). */
class CustomStatsOutputTest {
    private static String recap(boolean show, Map<String, Map<String, Object>> custom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        DefaultCallback cb = new DefaultCallback(new Display(ps, ps, false, 80), 0, true, true, show);
        Map<String, HostStats> stats = new LinkedHashMap<>();
        stats.put("a", new HostStats(1, 0, 0, 0, 0, 0, 0));
        cb.on(new Event.Recap(stats, List.of(), custom));
        String s = out.toString(StandardCharsets.UTF_8);
        return s.substring(s.indexOf("\n", s.indexOf("ignored=")) + 2); // after the host line and the recap's blank line
    }

    private static Map<String, Map<String, Object>> custom() {
        Map<String, Map<String, Object>> custom = new TreeMap<>();
        custom.put("a", new TreeMap<>(Map.of("my_int", "str", "ph", 3L)));
        custom.put("_run", new TreeMap<>(Map.of("d", Map.of("x", 1L), "f", 3.0, "l", List.of(1L, 2L), "my_int", 25L)));
        return custom;
    }

    @Test
    void showsEachHostThenTheRunOnOneLineEach() {
        assertThat(recap(true, custom())).isEqualTo("""

                CUSTOM STATS: ******************************************************************
                \ta: { "my_int": "str", "ph": 3}

                \tRUN: { "d": {  "x": 1 }, "f": 3.0, "l": [  1,  2 ], "my_int": 25}

                """);
    }

    @Test
    void showsNothingUnlessAskedOrWithoutStats() {
        assertThat(recap(false, custom())).isEmpty();
        assertThat(recap(true, Map.of())).isEmpty();
    }
}
