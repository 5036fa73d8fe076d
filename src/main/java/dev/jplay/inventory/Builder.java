package dev.jplay.inventory;

import dev.jplay.source.Loc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable inventory under construction (sources are parsed into it), then frozen into an {@link Inventory.State}. */
final class Builder {
    static final class H {
        final String name;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> dirVars = new LinkedHashMap<>();
        Loc loc;
        String source;

        H(String name) {
            this.name = name;
        }
    }

    static final class G {
        final String name;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Map<String, Object> dirVars = new LinkedHashMap<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();

        G(String name) {
            this.name = name;
        }
    }

    final Map<String, H> hosts = new LinkedHashMap<>();
    final Map<String, G> groups = new LinkedHashMap<>();
    private final GroupNames names;
    /** Each name a source used to the group's (transformed) name: an invalid name is reported once. */
    private final Map<String, String> safeNames = new LinkedHashMap<>();

    /** A builder that keeps group names as written, without a word (a trial parse). */
    Builder() {
        this(GroupNames.QUIET);
    }

    Builder(GroupNames names) {
        this.names = names;
        group("all");
        group("ungrouped");
    }

    /** The group named so (created if new), under its name made safe as {@code TRANSFORM_INVALID_GROUP_CHARS} says. */
    G group(String name) {
        return groups.computeIfAbsent(safeNames.computeIfAbsent(name, names::safe), G::new);
    }

    H host(String name, String group, Loc loc, String source) {
        H h = hosts.computeIfAbsent(name, H::new);
        if (h.loc == null) {
            h.loc = loc;
            h.source = source;
        }
        if (group != null && !group.equals("all")) group(group).hosts.add(name);
        return h;
    }

    /** Ansible's reconcile: groups without a parent hang under all; hosts in no group are ungrouped. */
    Inventory.State freeze() {
        Set<String> parented = new LinkedHashSet<>();
        for (G g : groups.values()) if (!g.name.equals("all")) parented.addAll(g.children);
        G all = groups.get("all");
        // as Ansible: ungrouped first, then groups a source put under all explicitly, then the unparented ones
        Set<String> explicit = new LinkedHashSet<>(all.children);
        all.children.clear();
        all.children.add("ungrouped");
        all.children.addAll(explicit);
        all.children.remove("all");
        for (G g : groups.values()) {
            if (!g.name.equals("all") && !parented.contains(g.name)) all.children.add(g.name);
        }
        G ungrouped = groups.get("ungrouped");
        Set<String> grouped = new LinkedHashSet<>();
        for (G g : groups.values()) if (!g.name.equals("ungrouped")) grouped.addAll(g.hosts);
        for (H h : hosts.values()) if (!grouped.contains(h.name)) ungrouped.hosts.add(h.name);
        ungrouped.hosts.removeIf(grouped::contains);
        Map<String, Host> hs = new LinkedHashMap<>();
        for (H h : hosts.values()) hs.put(h.name, new Host(h.name, nulls(h.vars), nulls(h.dirVars), h.loc, h.source));
        Map<String, Group> gs = new LinkedHashMap<>();
        for (G g : groups.values()) {
            Object prio = g.vars.containsKey("ansible_group_priority") ? g.vars.get("ansible_group_priority") : g.dirVars.get("ansible_group_priority");
            int priority = prio == null ? 1 : Integer.parseInt(String.valueOf(prio));
            gs.put(g.name, new Group(g.name, nulls(g.vars), nulls(g.dirVars), List.copyOf(g.children),
                    List.copyOf(g.hosts), priority));
        }
        return new Inventory.State(hs, gs);
    }

    /** Maps keep insertion order and null values (Map.copyOf does not allow nulls), so wrap instead. */
    private static Map<String, Object> nulls(Map<String, Object> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Loads an existing state back for runtime additions. */
    static Builder of(Inventory.State s, GroupNames names) {
        Builder b = new Builder(names);
        b.groups.clear();
        for (Group g : s.groups().values()) {
            G x = b.group(g.name());
            x.vars.putAll(g.vars());
            x.dirVars.putAll(g.dirVars());
            x.children.addAll(g.children());
            if (!g.name().equals("ungrouped")) x.hosts.addAll(g.hosts());
        }
        for (Host h : s.hosts().values()) {
            H x = b.hosts.computeIfAbsent(h.name(), H::new);
            x.vars.putAll(h.vars());
            x.dirVars.putAll(h.dirVars());
            x.loc = h.loc();
            x.source = h.source();
        }
        return b;
    }

    /** The state the sources give so far, without changing this builder (what the constructed plugin reads). */
    Inventory.State snapshot() {
        Builder copy = new Builder(GroupNames.QUIET);
        copy.groups.clear();
        for (G g : groups.values()) {
            G x = copy.groups.computeIfAbsent(g.name, G::new);
            x.vars.putAll(g.vars);
            x.dirVars.putAll(g.dirVars);
            x.children.addAll(g.children);
            x.hosts.addAll(g.hosts);
        }
        for (H h : hosts.values()) {
            H x = copy.hosts.computeIfAbsent(h.name, H::new);
            x.vars.putAll(h.vars);
            x.dirVars.putAll(h.dirVars);
        }
        return copy.freeze();
    }

    List<String> hostNames() {
        return new ArrayList<>(hosts.keySet());
    }
}
