package dev.jplay.vars;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A concurrent map that iterates in first-insertion order, as Python's dicts do (the varnames lookup and
 * variable dumps list set_fact facts in the order they were set). Reads and writes are those of a
 * ConcurrentHashMap; iteration sorts a snapshot.
 */
final class OrderedConcurrentMap extends AbstractMap<String, Object> {
    private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> order = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    @Override
    public Object put(String key, Object value) {
        order.computeIfAbsent(key, k -> next.getAndIncrement());
        return values.put(key, value);
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
        order.remove(key);
        return values.remove(key);
    }

    @Override
    public void clear() {
        values.clear();
        order.clear();
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<Entry<String, Object>> snapshot = new ArrayList<>(values.entrySet());
        snapshot.sort(Comparator.comparingLong(e -> order.getOrDefault(e.getKey(), Long.MAX_VALUE)));
        EntryList out = new EntryList();
        for (Entry<String, Object> e : snapshot) out.add(e.getKey(), e.getValue());
        return out;
    }
}
