package dev.jplay.modules.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Gathered facts ({@code ansible_} names) with the collector each came from, for {@code gather_subset}. */
final class FactSet {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> collectors = new LinkedHashMap<>();

    /** Puts {@code ansible_<name>} from {@code collector} (Ansible's collector names: platform, distribution, dmi ...). */
    void put(String collector, String name, Object value) {
        values.put("ansible_" + name, value);
        collectors.put("ansible_" + name, collector);
    }

    Map<String, Object> values() {
        return values;
    }

    String collector(String key) {
        return collectors.get(key);
    }
}
