package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.source.Loc;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The version test compares as ansible-core 2.14's version_compare (each row recorded from it). */
class VersionsTest {
    private final Templar t = new Templar();
    private final TemplateContext ctx = TemplateContext.of(Scope.of(Map.of())).at(new Loc("t.yml", 1, 1));

    private Object is(String a, String b, String op, String kind) {
        return t.template("{{ '" + a + "' is version('" + b + "', '" + op + "', version_type='" + kind + "') }}", ctx);
    }

    @ParameterizedTest
    @CsvSource({
        "1.10, 1.9, gt, loose, true", "1.0.0, 1.0, eq, loose, false", "1.2.3, 1.2, ge, loose, true",
        "1.0a, 1.0, <, loose, false", "1.0, 1.0b, <, loose, true",
        "2.0a1, 2.0, lt, strict, true", "2.1, 2.1.0, ==, strict, true",
        "1.2.3-alpha, 1.2.3, lt, semver, true", "1.2.3-alpha.10, 1.2.3-alpha.2, gt, semver, true",
        "1.0rc1, 1.0, lt, pep440, true", "1.0.post1, 1.0, gt, pep440, true", "1!0.1, 2.0, gt, pep440, true",
        "v1.2, 1.2, ==, pep440, true"})
    void comparesAsAnsible(String a, String b, String op, String kind, boolean expected) {
        assertThat(is(a, b, op, kind)).isEqualTo(expected);
    }

    @Test
    void badVersionsOperatorsAndTypesAreAnsiblesErrors() {
        assertThatThrownBy(() -> is("1.2.3.4", "1.0", "lt", "strict")).hasMessageContaining("Version comparison failed: invalid version number '1.2.3.4'");
        assertThatThrownBy(() -> is("1.2", "1.0", "lt", "semver")).hasMessageContaining("Version comparison failed: invalid semantic version '1.2'");
        assertThatThrownBy(() -> is("1.0", "1.0", "foo", "loose")).hasMessageContaining("Invalid operator type (foo).");
        assertThatThrownBy(() -> is("1.0", "1.0", "lt", "nope")).hasMessageContaining("Invalid version type (nope).");
    }
}
