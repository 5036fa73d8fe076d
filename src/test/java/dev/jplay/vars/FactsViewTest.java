package dev.jplay.vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Facts as ansible-core 2.14's variable manager injects them (checked with ansible-playbook): each under the name its
 * module gave it, and in {@code ansible_facts} without the {@code ansible_} prefix except {@code ansible_local}.
 */
class FactsViewTest {
    @Test
    void factsKeepTheirNamesAndAreNamespacedWithoutThePrefix() {
        HostState s = new HostState();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ansible_distribution", "Debian");
        setup.put("ansible_local", Map.of("pref", 1));
        setup.put("module_setup", true);
        s.addFacts(setup);
        s.addFacts(Map.of("getent_passwd", Map.of("root", "x")));
        FactsView v = new FactsView(s.facts());
        assertThat(v.get("getent_passwd")).isEqualTo(Map.of("root", "x"));
        assertThat(v.containsKey("ansible_getent_passwd")).isFalse();
        assertThat(v.get("ansible_distribution")).isEqualTo("Debian");
        assertThat(v.containsKey("distribution")).isFalse();
        assertThat(v.get("module_setup")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> ns = (Map<String, Object>) v.get("ansible_facts");
        assertThat(ns.get("getent_passwd")).isEqualTo(Map.of("root", "x"));
        assertThat(ns.get("distribution")).isEqualTo("Debian");
        assertThat(ns.containsKey("ansible_local")).isTrue();
        assertThat(ns.containsKey("local")).isFalse();
        assertThat(ns.keySet()).containsExactly("distribution", "ansible_local", "module_setup", "getent_passwd");
        assertThat(v.keySet()).containsExactly("ansible_facts", "ansible_distribution", "ansible_local", "module_setup", "getent_passwd");
    }

    @Test
    void aFactWithAndWithoutThePrefixIsOneNameInAnsibleFactsThePrefixedValue() {
        HostState s = new HostState();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("distribution", "mine");
        facts.put("ansible_distribution", "Debian");
        s.addFacts(facts);
        @SuppressWarnings("unchecked")
        Map<String, Object> ns = (Map<String, Object>) new FactsView(s.facts()).get("ansible_facts");
        assertThat(ns.entrySet()).containsExactly(Map.entry("distribution", "Debian"));
    }
}
