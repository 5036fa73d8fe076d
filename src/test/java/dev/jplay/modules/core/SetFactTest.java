package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** set_fact's values as Ansible's action returns them (set_fact target: set_fact_bool_conv*.yml). */
class SetFactTest {
    @Test
    void stringsSpelledAsBooleansBecomeBooleansUnlessJinja2Native() throws Exception {
        Map<String, Object> args = Map.of("a", "yes", "b", "No", "c", "maybe");
        assertThat(TestContext.local().run(new SetFact(), args))
                .containsEntry("ansible_facts", Map.of("a", true, "b", false, "c", "maybe"));
        assertThat(TestContext.local().settings(Map.of("DEFAULT_JINJA2_NATIVE", true)).run(new SetFact(), args))
                .containsEntry("ansible_facts", Map.of("a", "yes", "b", "No", "c", "maybe"));
    }
}
