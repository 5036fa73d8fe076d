package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.connection.Secret;
import dev.jplay.source.Loc;
import dev.jplay.source.Yaml;
import dev.jplay.vars.Layer;
import dev.jplay.vars.VarScope;
import dev.jplay.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the template cases recorded from ansible-core (src/test/resources/template/cases/*.json, written by
 * record.py): each template must render to the value Ansible rendered, or fail with Ansible's message. Cases in
 * files named {@code native*} were recorded with jinja2_native = True, and render so here.
 */
class TemplateCasesTest {
    static final Path DIR = Path.of("src/test/resources/template");

    @TestFactory
    Stream<DynamicTest> recordedCases() throws IOException {
        // the config lookup reads Ansible's settings; two of their defaults are enough here
        Map<String, Object> settings = Map.of("DEFAULT_BECOME_USER", "root", "DEFAULT_FORKS", 5L);
        Templar templar = new Templar(w -> { }, List.of(), name -> Optional.ofNullable(settings.get(name)));
        Templar nativeTemplar = new Templar(w -> { }, List.of(), name -> name.equals("DEFAULT_JINJA2_NATIVE") ? Optional.of(true)
                : Optional.ofNullable(settings.get(name)));
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) Yaml.load(DIR.resolve("vars.yml"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("cases"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                List<?> cases = (List<?>) Json.parse(Files.readString(file));
                String group = file.getFileName().toString().replace(".json", "");
                Templar t = group.startsWith("native") ? nativeTemplar : templar;
                for (int i = 0; i < cases.size(); i++) {
                    Map<?, ?> c = (Map<?, ?>) cases.get(i);
                    tests.add(DynamicTest.dynamicTest(group + "[" + i + "] " + c.get("t"), () -> check(t, vars, c)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Templar templar, Map<String, Object> vars, Map<?, ?> c) {
        Vault vault = new Vault(List.of(new Vault.Id("default", Secret.of("pw"))));
        VarScope scope = new VarScope(List.of(Layer.trusted("vars", vars)), templar, List.of(DIR.resolve("files").toAbsolutePath()), vault);
        String template = (String) c.get("t");
        Object actual;
        try {
            actual = templar.template(template, scope.context(new Loc("case.yml", 1, 1)));
        } catch (TemplateException e) {
            assertThat(c.containsKey("error")).as("Ansible rendered %s, jplay failed with: %s", Json.write(c.get("ok")), e.getMessage()).isTrue();
            // a loose case fails in both, with a message that is Python's own (a parser's) in Ansible
            if (!Boolean.TRUE.equals(c.get("loose"))) assertThat(e.getMessage()).isEqualTo(c.get("error"));
            return;
        }
        assertThat(c.containsKey("ok")).as("Ansible failed with %s, jplay rendered %s", c.get("error"), Json.write(actual)).isTrue();
        assertThat(Json.write(actual)).isEqualTo(Json.write(c.get("ok")));
    }
}
