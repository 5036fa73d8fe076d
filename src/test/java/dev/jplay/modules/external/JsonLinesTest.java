package dev.jplay.modules.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Module output cleaning, as ansible-core's _filter_non_json_lines (objects only) does it. */
class JsonLinesTest {
    @Test
    void dropsLinesBeforeTheObjectAndAfterItsLastClosingLineWarningOnlyAboutTextAfter() {
        JsonLines l = JsonLines.of("this stuff should be ignored\n[ looks like a json list]\n  {\"changed\": false,\n\"x\": 1}\nmoar garbage\n\n");
        assertThat(l.json()).isEqualTo("  {\"changed\": false,\n\"x\": 1}");
        assertThat(l.warnings()).containsExactly("Module invocation had junk after the JSON data: moar garbage\n");
        assertThat(JsonLines.of("motd\n{}\n  \n").warnings()).as("blank lines after are no junk").isEmpty();
    }

    @Test
    void noObjectStartOrEndIsNoJson() {
        assertThat(JsonLines.of("[1, 2]\n")).isNull();
        assertThat(JsonLines.of("{ never closed\n")).isNull();
        assertThat(JsonLines.of("")).isNull();
        assertThat(JsonLines.of("a {\"b\": 1}\n")).as("the object must start its line").isNull();
        assertThat(JsonLines.of("{\"a\": 1} trailing\n{\"b\": 2}").json()).isEqualTo("{\"a\": 1} trailing\n{\"b\": 2}");
    }
}
