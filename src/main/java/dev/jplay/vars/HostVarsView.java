package dev.jplay.vars;

import dev.jplay.inventory.Host;
import java.util.AbstractMap;
import java.util.Set;

/**
 * The {@code hostvars} variable: a map from every inventory host to a live, lazily templated view of its
 * variables. Nothing is computed until a host's variable is read.
 */
final class HostVarsView extends AbstractMap<String, Object> {
    private final RunVars run;

    HostVarsView(RunVars run) {
        this.run = run;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || run.inventory().host(name) == null) return null;
        return new ScopeMap(run.hostVarsScope(name));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && run.inventory().host(name) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        EntryList out = new EntryList();
        for (Host h : run.inventory().hosts()) out.add(h.name(), get(h.name()));
        return out;
    }

    @Override
    public String toString() {
        return "HostVars";
    }
}
