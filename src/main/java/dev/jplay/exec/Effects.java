package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.playbook.Task;
import dev.jplay.vars.HostState;
import java.util.List;
import java.util.Map;

/**
 * What a result changes outside itself: {@code register}, facts ({@code set_fact}, {@code include_vars}, setup and
 * modules returning {@code ansible_facts}, with {@code delegate_facts}), and inventory additions
 * ({@code add_host}, {@code group_by}), and {@code set_stats} data.
 */
final class Effects {
    private final Engine e;

    Effects(Engine e) {
        this.e = e;
    }

    void register(String name, List<String> hosts, Map<String, Object> result) {
        Map<String, Object> clean = Results.forRegister(result);
        for (String h : hosts) e.vars().state(h).setRuntime(name, clean);
    }

    /**
     * Applies the result's effects. True when it added to the inventory: then {@code changed} says whether the
     * inventory really changed (as Ansible's strategy sets it) and {@code changed_when}/{@code failed_when} are due again.
     */
    @SuppressWarnings("unchecked")
    boolean apply(Task task, String host, String delegate, Map<String, Object> kw, Map<String, Object> r) {
        if (Results.flag(r, "failed") || Results.flag(r, "skipped") || Results.flag(r, "unreachable")) return false;
        e.stats().custom().record(r.get("ansible_stats"), List.of(host));
        if (r.get("ansible_facts") instanceof Map<?, ?> facts) {
            boolean toDelegate = delegate != null && Flags.converted("delegate_facts", kw.get("delegate_facts"), false, task.loc());
            applyFacts(task.action(), (Map<String, Object>) facts, Results.flag(r, "_ansible_facts_cacheable"),
                    List.of(toDelegate ? delegate : host));
        }
        Boolean changed = null;
        if (r.get("add_host") instanceof Map<?, ?> add) {
            Map<String, Object> a = (Map<String, Object>) add;
            changed = e.vars().inventory().addHost(Py.str(a.get("host_name")), ((List<Object>) a.get("groups")).stream().map(Py::str).toList(),
                    (Map<String, Object>) a.get("host_vars"));
        } else if (r.get("add_group") != null) {
            List<String> parents = r.get("parent_groups") instanceof List<?> l ? l.stream().map(Py::str).toList() : List.of("all");
            changed = e.vars().inventory().addToGroup(host, Py.str(r.get("add_group")), parents);
        }
        if (changed == null) return false;
        if (changed) e.vars().inventoryChanged();
        r.put("changed", changed);
        return true;
    }

    /** Stores facts on hosts by kind: set_fact (runtime, plus facts when cacheable), include_vars, or gathered facts. */
    void applyFacts(String action, Map<String, Object> facts, boolean cacheable, List<String> hosts) {
        if (action.equals("debug")) return; // debug: var=ansible_facts shows facts, it sets none (Ansible's _ACTION_DEBUG)
        for (String h : hosts) {
            HostState s = e.vars().state(h);
            switch (action) {
                case "set_fact" -> {
                    s.setRuntime(facts);
                    if (cacheable) {
                        s.addFacts(facts);
                        e.options().facts().cache().save(h, s.facts());
                    }
                }
                case "include_vars" -> s.addIncluded(facts);
                default -> {
                    s.addFacts(facts);
                    e.options().facts().cache().save(h, s.facts());
                }
            }
        }
    }
}
