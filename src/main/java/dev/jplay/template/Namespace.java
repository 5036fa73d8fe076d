package dev.jplay.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code namespace(...)}: the one mutable object templates have, for values set inside loops. */
final class Namespace implements Attributes {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Namespace(Map<String, Object> initial) {
        values.putAll(initial);
    }

    @Override
    public Object attribute(String name) {
        return values.containsKey(name) ? values.get(name) : Undefined.attribute("Namespace", name);
    }

    void set(String name, Object value) {
        values.put(name, value);
    }

    @Override
    public String toString() {
        return "<Namespace " + values + ">";
    }
}
