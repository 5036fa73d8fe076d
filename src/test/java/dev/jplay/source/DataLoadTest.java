package dev.jplay.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jplay.data.Unsafe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data text is read as Ansible's DataLoader reads it: JSON first (Python's json.loads), then YAML; when neither reads
 * it, the error names both. The expected JSON messages are Python 3.11's, recorded with {@code json.loads}.
 */
class DataLoadTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{ }}|Extra data: line 1 column 4 (char 3)",
        "``|Expecting value: line 1 column 1 (char 0)",
        "- a: b|Expecting value: line 1 column 1 (char 0)",
        "{\"a\": 1,}|Expecting property name enclosed in double quotes: line 1 column 9 (char 8)",
        "{\"a\" 1}|Expecting ':' delimiter: line 1 column 6 (char 5)",
        "{a: 1}|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "[1, 2|Expecting ',' delimiter: line 1 column 6 (char 5)",
        "[1 2]|Expecting ',' delimiter: line 1 column 4 (char 3)",
        "\"abc|Unterminated string starting at: line 1 column 1 (char 0)",
        "\"a\tb\"|Invalid control character at: line 1 column 3 (char 2)",
        "\"a\\qb\"|Invalid \\escape: line 1 column 3 (char 2)",
        "\"\\u12\"|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
        "\"\\u12G4\"|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
        "[1,]|Expecting value: line 1 column 4 (char 3)",
        "-x|Expecting value: line 1 column 1 (char 0)",
        "{\"a\": [1, tru]}|Expecting value: line 1 column 11 (char 10)",
        "\ufeff{}|Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
        "`\n\n  {\"é\": 1} x`|Extra data: line 3 column 12 (char 13)",
        "NaN x|Extra data: line 1 column 5 (char 4)",
        "1.e5|Extra data: line 1 column 2 (char 1)",
        "\"\\ud83d\\ude00\" 1|Extra data: line 1 column 16 (char 15)",
        "0123|Extra data: line 1 column 2 (char 1)",
    })
    void jsonErrorsArePythons(String text, String message) {
        PyJson.Failure f = catchThrowableOfType(PyJson.Failure.class, () -> PyJson.load(text, "t.json"));
        assertThat(f).isNotNull();
        assertThat(f.getMessage()).isEqualTo(message);
    }

    @Test
    void jsonValuesAreLocatedAndFollowPython() {
        Object v = PyJson.load("{\"a\": [1, 2.5, 1e3, \"x\\/y\\u00e9\\ud83d\\ude00\"],\n \"b\": null, \"a2\": -Infinity, \"a\": true}", "t.json");
        assertThat(v).isInstanceOf(YamlMap.class);
        YamlMap m = (YamlMap) v;
        assertThat(m.keySet()).containsExactly("a", "b", "a2"); // a repeated key keeps its first place, its last value
        assertThat(m.get("a")).isEqualTo(true);
        assertThat(m).containsEntry("b", null).containsEntry("a2", Double.NEGATIVE_INFINITY);
        assertThat(m.keyLoc("b")).isEqualTo(new Loc("t.json", 2, 2));
        Object list = PyJson.load("[1, 2.5, 1e3, \"x\\/y\\ud83d\\ude00\", 12345678901234567890]", "t.json");
        assertThat(list).isEqualTo(List.of(1L, 2.5, 1000.0, "x/y\ud83d\ude00", new java.math.BigInteger("12345678901234567890")));
        assertThat(PyJson.load("{\"__ansible_unsafe\": \"{{ x }}\"}", "t.json")).isEqualTo(new Unsafe("{{ x }}"));
    }

    @Test
    void jsonThatYamlCannotReadIsLoaded() {
        // a tab-indented JSON file with a \/ escape: PyYAML and snakeyaml refuse it, Ansible reads it as JSON
        Object v = Yaml.load("{\n\t\"a\": {\n\t\t\"b\": \"x\\/y\"\n\t}\n}\n", "vars.json");
        assertThat(v).isEqualTo(Map.of("a", Map.of("b", "x/y")));
    }

    @Test
    void textNeitherReadsNamesBothErrorsAtTheYamlPosition() {
        SourceException e = catchThrowableOfType(SourceException.class, () -> Yaml.load("{ }}\n", "invalid.json"));
        assertThat(e.getMessage()).isEqualTo("We were unable to read either as JSON nor YAML, these are the errors we got from each:\n"
                + "JSON: Extra data: line 1 column 4 (char 3)\n\nYAML syntax error: expected '<document start>', but found '}'");
        assertThat(e.loc()).isEqualTo(new Loc("invalid.json", 1, 4));
    }

    @Test
    void fromYamlReadsYamlOnly() {
        SourceException e = catchThrowableOfType(SourceException.class, () -> Yaml.loadYaml("{ }}\n", "<from_yaml>"));
        assertThat(e.getMessage()).startsWith("YAML syntax error:");
    }
}
