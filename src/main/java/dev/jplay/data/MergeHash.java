package dev.jplay.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ansible's {@code merge_hash(x, y)} with its defaults (recursive, lists replaced): y's keys win, nested dicts merged. */
public final class MergeHash {
    private MergeHash() {}

    /** A new map: {@code x} with {@code y} merged over it; neither argument is changed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<?, ?> x, Map<?, ?> y) {
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) x);
        ((Map<String, Object>) y).forEach((k, v) -> out.put(k, out.get(k) instanceof Map<?, ?> old && v instanceof Map<?, ?> nv ? merge(old, nv) : v));
        return out;
    }
}
