package dev.jplay.vars;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Facts as variables: {@code ansible_facts} (the whole map) and each fact injected as {@code ansible_<name>}
 * (Ansible's inject_facts_as_vars). A live view over the host's fact map.
 */
final class FactsView extends AbstractMap<String, Object> {
    private final Map<String, Object> facts;

    FactsView(Map<String, Object> facts) {
        this.facts = facts;
    }

    @Override
    public Object get(Object key) {
        if ("ansible_facts".equals(key)) return new AbstractMap<String, Object>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return HostState.plain(facts).entrySet();
            }

            @Override
            public Object get(Object k) {
                Object v = facts.get(k);
                return v == HostState.NULL ? null : v;
            }

            @Override
            public boolean containsKey(Object k) {
                return facts.containsKey(k);
            }
        };
        if (key instanceof String s && s.startsWith("ansible_")) {
            Object v = facts.get(s.substring(8));
            return v == HostState.NULL ? null : v;
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        if ("ansible_facts".equals(key)) return true;
        return key instanceof String s && s.startsWith("ansible_") && facts.containsKey(s.substring(8));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> out = new LinkedHashSet<>();
        out.add(new SimpleEntry<>("ansible_facts", get("ansible_facts")));
        for (String k : facts.keySet()) out.add(new SimpleEntry<>("ansible_" + k, get("ansible_" + k)));
        return out;
    }
}
