package dev.jplay.vars;

import dev.jplay.template.Undefined;
import java.util.AbstractMap;
import java.util.Set;

/** A scope seen as a map (for {@code hostvars[h]} and {@code vars}): reads resolve lazily; iteration resolves all. */
final class ScopeMap extends AbstractMap<String, Object> {
    private final VarScope scope;

    ScopeMap(VarScope scope) {
        this.scope = scope;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k)) return null;
        Object v = scope.get(k);
        return v instanceof Undefined ? null : v;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && !(scope.get(k) instanceof Undefined);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return scope.resolveAll().entrySet();
    }
}
