package dev.jplay.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping as an ordinary ordered map that also remembers where it, and each of its keys and values, came from.
 * Code that does not care about positions treats it as a {@code Map<String, Object>}.
 */
public final class YamlMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private final Loc loc;
    private final Map<String, Loc> keyLocs = new LinkedHashMap<>();
    private final Map<String, Loc> valueLocs = new LinkedHashMap<>();
    /** Keys that YAML read as another scalar (a number, a boolean, null) before they became text. */
    private final java.util.Set<String> nonTextKeys = new java.util.HashSet<>();

    public YamlMap(Loc loc) {
        this.loc = loc;
    }

    public Loc loc() {
        return loc;
    }

    /** Where the key was written, or the map's own position when unknown. */
    public Loc keyLoc(String key) {
        return keyLocs.getOrDefault(key, loc);
    }

    /** Where the value of {@code key} starts, or the key's position when unknown. */
    public Loc valueLoc(String key) {
        Loc l = valueLocs.get(key);
        return l != null ? l : keyLoc(key);
    }

    /**
     * Was {@code key} written as a string? False for a key YAML read as a number, boolean or null (such as the host
     * {@code 1234:}), which this map holds as text, as Ansible's loader does not.
     */
    public boolean textKey(String key) {
        return !nonTextKeys.contains(key);
    }

    void markText(String key, boolean text) {
        if (text) nonTextKeys.remove(key);
        else nonTextKeys.add(key);
    }

    void putLocated(String key, Object value, Loc keyLoc, Loc valueLoc) {
        put(key, value);
        keyLocs.put(key, keyLoc);
        valueLocs.put(key, valueLoc);
    }

    /** Where {@code key} of {@code map} is when the map came from YAML, else {@code fallback}. */
    public static Loc locOf(Object map, String key, Loc fallback) {
        return map instanceof YamlMap m && m.containsKey(key) ? m.keyLoc(key) : fallback;
    }

    /** The position of a YAML map or list, else {@code fallback}. */
    public static Loc locOf(Object node, Loc fallback) {
        if (node instanceof YamlMap m) return m.loc();
        if (node instanceof YamlList l) return l.loc();
        return fallback;
    }
}
