package dev.jplay.vars;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Facts as variables, as Ansible's variable manager gives them: {@code ansible_facts} (each fact without its
 * {@code ansible_} prefix, {@code ansible_local} kept whole: namespace_facts) and each fact injected under the name
 * the module gave it ({@code ansible_distribution}, {@code getent_passwd}: inject_facts_as_vars). A live view over
 * the host's fact map.
 */
final class FactsView extends AbstractMap<String, Object> {
    private final Map<String, Object> facts;

    FactsView(Map<String, Object> facts) {
        this.facts = facts;
    }

    /** The name of a fact inside {@code ansible_facts}. */
    static String namespaced(String name) {
        return name.startsWith("ansible_") && !name.equals("ansible_local") ? name.substring(8) : name;
    }

    /** The fact map's key for a name inside {@code ansible_facts} (the prefixed fact wins, as it is injected last). */
    private Object stored(Object name) {
        if (!(name instanceof String s) || s.equals("local") || s.equals("ansible_local")) return name;
        return facts.containsKey("ansible_" + s) ? "ansible_" + s : s;
    }

    @Override
    public Object get(Object key) {
        if ("ansible_facts".equals(key)) return new AbstractMap<String, Object>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                Set<String> names = new LinkedHashSet<>();
                for (String k : facts.keySet()) names.add(namespaced(k));
                EntryList out = new EntryList();
                for (String n : names) out.add(n, get(n));
                return out;
            }

            @Override
            public Object get(Object k) {
                Object v = facts.get(stored(k));
                return v == HostState.NULL ? null : v;
            }

            @Override
            public boolean containsKey(Object k) {
                return facts.containsKey(stored(k));
            }
        };
        Object v = facts.get(key);
        return v == HostState.NULL ? null : v;
    }

    @Override
    public boolean containsKey(Object key) {
        return "ansible_facts".equals(key) || facts.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        EntryList out = new EntryList();
        out.add("ansible_facts", get("ansible_facts"));
        for (String k : facts.keySet()) out.add(k, get(k));
        return out;
    }
}
