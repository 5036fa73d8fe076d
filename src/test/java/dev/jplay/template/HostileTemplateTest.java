package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.vars.Layer;
import dev.jplay.vars.VarScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hostile templates end in one clear error naming the limit, never a Java exception or a stack overflow. */
class HostileTemplateTest {
    final Templar t = new Templar();
    final TemplateContext ctx = TemplateContext.of(Scope.of(Map.of("l", List.of(1L, 2L), "d", Map.of("a", 1L), "n", 5L)))
            .at(new Loc("t.yml", 1, 1));

    private String fail(String template) {
        TemplateException e = catchThrowableOfType(TemplateException.class, () -> t.template(template, ctx));
        assertThat(e).as("expected %s to fail", template).isNotNull();
        assertThat(e.getMessage()).doesNotContain("java.", "Exception", "class ");
        return e.getMessage();
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        assertThat(fail("{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}")).contains("nested more than 200 levels deep");
        assertThat(fail("{{ " + "[".repeat(5000) + "]".repeat(5000) + " }}")).contains("nested more than 200 levels deep");
        assertThat(fail("{{ " + "-".repeat(5000) + "1 }}")).contains("nested more than 200 levels deep");
        assertThat(fail("{{ 1" + " + 1".repeat(5000) + " }}")).contains("more than 1000 operators");
        assertThat(fail("{{ n" + " | string".repeat(5000) + " }}")).contains("more than 1000 operators");
        assertThat(fail("{% if true %}".repeat(1000) + "x" + "{% endif %}".repeat(1000))).contains("blocks nested more than 200 levels deep");
    }

    @Test
    void recursionIsBounded() {
        assertThat(fail("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")).contains("template recursion deeper than 100 levels");
        assertThat(fail("{% for i in [1] recursive %}{{ loop([1]) }}{% endfor %}")).contains("template recursion deeper than 100 levels");
    }

    @Test
    void variablesReferringToThemselvesOrNestingTooDeeply() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("self", "{{ self }}");
        for (int i = 0; i < 500; i++) vars.put("v" + i, "{{ v" + (i + 1) + " }}");
        vars.put("v500", "end");
        VarScope scope = new VarScope(List.of(Layer.trusted("vars", vars)), t, List.of(), Decrypter.NONE);
        TemplateException self = catchThrowableOfType(TemplateException.class, () -> t.template("{{ self }}", scope.context()));
        assertThat(self.getMessage()).contains("recursive loop detected in template string: {{ self }}");
        TemplateException deep = catchThrowableOfType(TemplateException.class, () -> t.template("{{ v0 }}", scope.context()));
        assertThat(deep.getMessage()).contains("template recursion deeper than 200 levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ d[0:1] }}", "{{ l | batch('x') | list }}", "{{ d.items()[0].x }}", "{{ l | slice('a') }}",
        "{{ n | join(',') }}", "{{ 'x' | int(base=[]) }}", "{{ l | sum(start='') }}", "{{ range(n, 'x') }}", "{{ '%d' % [] }}",
        "{{ '{:d}'.format('x') }}", "{{ l.insert('a', 1) }}", "{{ l | map('int', 'x') | list }}", "{{ d | dictsort(by='x') }}",
        "{{ n | human_readable(unit=[]) }}", "{{ 'a' | regex_replace('(', '') }}", "{{ [1] | zip_longest(5) | list }}",
        "{{ 1 | to_datetime }}", "{{ n | strftime }}", "{{ 'a' | from_yaml | first }}", "{{ [] | first | upper }}"})
    void wrongTypesGivePythonMessagesNotJava(String template) {
        try {
            t.template(template, ctx);
        } catch (TemplateException e) {
            assertThat(e.getMessage()).doesNotContain("java.", "Exception", "class java", "Cannot invoke", "because");
        }
    }

    @Test
    void changingAVariablesValueIsRefusedClearly() {
        assertThat(fail("{{ l.append(3) }}")).contains("list.append() would change a variable's value");
        assertThat(t.template("{% set x = l | list %}{{ x.append(3) }}{{ x }}", ctx)).isEqualTo(List.of(1L, 2L, 3L));
    }
}
