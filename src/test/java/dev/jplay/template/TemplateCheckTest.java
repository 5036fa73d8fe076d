package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Loc;
import org.junit.jupiter.api.Test;

class TemplateCheckTest {
    final Templar t = new Templar();
    final Loc at = new Loc("t.yml", 3, 10);

    @Test
    void plainTextHasNothingToCheck() {
        assertThat(t.check("just text", at)).isSameAs(TemplateCheck.NONE);
    }

    @Test
    void namesEveryFilterTestAndLookupWithItsColumn() {
        TemplateCheck c = t.check("{{ x | to_jsn }} {{ y is defind }} {{ lookup('nosuch', 'a') | upper }}", at);
        assertThat(c.error()).isNull();
        assertThat(c.uses()).extracting(TemplateCheck.Use::name).containsExactly("to_jsn", "defind", "nosuch", "upper");
        assertThat(c.unknown()).extracting(TemplateCheck.Use::kind)
                .containsExactly(TemplateCheck.Kind.FILTER, TemplateCheck.Kind.TEST, TemplateCheck.Kind.LOOKUP);
        TemplateCheck.Use f = c.unknown().get(0);
        assertThat(f.loc()).isEqualTo(new Loc("t.yml", 3, 17));
        assertThat(f.message()).isEqualTo("No filter named 'to_jsn'.");
        assertThat(f.hint()).isEqualTo("did you mean 'to_json'?");
        assertThat(c.unknown().get(2).message()).isEqualTo("lookup plugin (nosuch) not found");
        assertThat(c.ok()).isFalse();
    }

    @Test
    void seesNamesPassedAsArgumentsAndInBlocks() {
        TemplateCheck c = t.check("{% filter upper %}{{ l | map('lowr') | select('equalto', 1) | selectattr('a', 'evn') | list }}{% endfilter %}"
                + "{% for i in query('items', l) %}{% endfor %}", at);
        assertThat(c.unknown()).extracting(TemplateCheck.Use::name).containsExactly("lowr", "evn");
        assertThat(c.uses()).extracting(TemplateCheck.Use::name).contains("upper", "map", "equalto", "list", "items");
    }

    @Test
    void collectionQualifiedNamesResolve() {
        assertThat(t.check("{{ x | ansible.builtin.to_json }}", at).ok()).isTrue();
        assertThat(t.check("{{ x | community.general.nothing_here }}", at).unknown()).hasSize(1);
    }

    @Test
    void syntaxErrorIsLocatedAndHasTheEvaluationMessage() {
        TemplateCheck c = t.check("a {{ x + }}", at);
        assertThat(c.error()).isNotNull();
        assertThat(c.error().getMessage()).startsWith("template error while templating string: ").endsWith("String: a {{ x + }}");
        assertThat(c.error().loc()).isEqualTo(new Loc("t.yml", 3, 19));
        assertThat(c.uses()).isEmpty();
    }

    @Test
    void multiLineTextLocatesByLine() {
        TemplateCheck c = t.check("line one\n{{ x | nofilter }}", new Loc("t.yml", 3, 10));
        assertThat(c.unknown().get(0).loc()).isEqualTo(new Loc("t.yml", 4, 8));
    }

    @Test
    void conditionsAreBareExpressions() {
        TemplateCheck c = t.checkCondition("result.rc == 0 and x is defned", at);
        assertThat(c.unknown()).extracting(TemplateCheck.Use::name).containsExactly("defned");
        assertThat(c.unknown().get(0).loc()).isEqualTo(new Loc("t.yml", 3, 34));
        assertThat(t.checkCondition("x is defined", at).ok()).isTrue();
        TemplateCheck bad = t.checkCondition("x ==", at);
        assertThat(bad.error().getMessage()).startsWith("The conditional check 'x ==' failed.");
        assertThat(t.checkCondition("{{ x | bool }}", at).ok()).isTrue();
    }

    @Test
    void checkedTextEvaluatesFromTheSameParse() {
        t.check("{{ 1 + 2 }}", at);
        assertThat(t.template("{{ 1 + 2 }}", TemplateContext.of(Scope.of(java.util.Map.of())))).isEqualTo("3");
        assertThat(t.has(TemplateCheck.Kind.LOOKUP, "ansible.builtin.file")).isTrue();
        assertThat(t.has(TemplateCheck.Kind.TEST, "nope")).isFalse();
    }

    @Test
    void templateFilesAreCheckedWithTheirOptionsAndLocatedInTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("a.j2"), "line {{ x }}\n  [[ y | to_jsn ]]\n");
        TemplateCheck plain = t.checkFile(f, java.util.Map.of());
        assertThat(plain.uses()).isEmpty();
        TemplateCheck custom = t.checkFile(f, java.util.Map.of("variable_start_string", "[[", "variable_end_string", "]]"));
        assertThat(custom.unknown()).extracting(TemplateCheck.Use::name).containsExactly("to_jsn");
        assertThat(custom.unknown().get(0).loc()).isEqualTo(new Loc(f.toString(), 2, 10));
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("b.j2"), "{% if %}");
        assertThat(t.checkFile(bad, java.util.Map.of()).error().loc().file()).isEqualTo(bad.toString());
        assertThat(t.checkFile(dir.resolve("missing.j2"), java.util.Map.of())).isSameAs(TemplateCheck.NONE);
    }
}
