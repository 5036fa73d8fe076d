package dev.jplay.vars;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;

/**
 * The entry set of a map view, in the order its entries were added. Unlike a LinkedHashSet it does not hash the
 * entries: hashing an entry hashes its value, which for a lazy view (a host's variables) resolves all of it.
 * The entries must have distinct keys.
 */
final class EntryList extends AbstractSet<Entry<String, Object>> {
    private final List<Entry<String, Object>> entries = new ArrayList<>();

    void add(String key, Object value) {
        entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, value));
    }

    @Override
    public Iterator<Entry<String, Object>> iterator() {
        return java.util.Collections.unmodifiableList(entries).iterator();
    }

    @Override
    public int size() {
        return entries.size();
    }
}
