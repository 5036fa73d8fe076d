package dev.jplay.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json writes what Python's json.dumps writes (expected texts recorded from Python 3.11) and reads it back. */
class JsonTest {
    private static Map<String, Object> value() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("z", 1.0);
        c.put("y", 1e100);
        c.put("x", 0.1);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("b", new ArrayList<>(Arrays.asList(1L, 2.5, null, true)));
        v.put("a", "é\u2028\"\\\n\t\u0001");
        v.put("c", c);
        return v;
    }

    @Test
    void writesAsJsonDumps() {
        assertThat(Json.write(value())).isEqualTo(
                "{\"b\": [1, 2.5, null, true], \"a\": \"\\u00e9\\u2028\\\"\\\\\\n\\t\\u0001\", \"c\": {\"z\": 1.0, \"y\": 1e+100, \"x\": 0.1}}");
        assertThat(Json.write(value(), Json.Style.RESULT)).isEqualTo(
                "{\"a\": \"é\u2028\\\"\\\\\\n\\t\\u0001\", \"b\": [1, 2.5, null, true], \"c\": {\"x\": 0.1, \"y\": 1e+100, \"z\": 1.0}}");
        assertThat(Json.write("😀")).isEqualTo("\"\\ud83d\\ude00\"");
    }

    @Test
    void indentsAsJsonDumpsWithIndentFour() {
        assertThat(Json.write(value(), Json.Style.NICE)).isEqualTo(String.join("\n",
                "{", "    \"a\": \"\\u00e9\\u2028\\\"\\\\\\n\\t\\u0001\",", "    \"b\": [", "        1,", "        2.5,", "        null,",
                "        true", "    ],", "    \"c\": {", "        \"x\": 0.1,", "        \"y\": 1e+100,", "        \"z\": 1.0", "    }", "}"));
        assertThat(Json.write(List.of(), Json.Style.NICE)).isEqualTo("[]");
        assertThat(Json.write(Map.of(), Json.Style.NICE)).isEqualTo("{}");
    }

    @Test
    void parsesWhatItWrites() {
        assertThat(Json.parse(Json.write(value()))).isEqualTo(value());
        assertThat(Json.parse(" [1, -2.5e3, \"\\ud83d\\ude00\", {}] ")).isEqualTo(List.of(1L, -2500.0, "😀", Map.of()));
    }

    @Test
    void badTextIsRefusedWithWhere() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"b\" 2}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("extra data");
        assertThatThrownBy(() -> Json.parse("\"abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
