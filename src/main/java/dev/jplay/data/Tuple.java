package dev.jplay.data;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple: an immutable list that {@link Py#repr} prints as {@code (a, b)} (and {@code (a,)}, {@code ()}).
 * Templates make them ({@code (1, 2)}, {@code dict.items()}, {@code zip}, {@code splitext}); everywhere else they are
 * ordinary lists (JSON arrays, YAML sequences).
 */
public class Tuple extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    protected Tuple(Object[] items) {
        this.items = items;
    }

    public static Tuple of(Object... items) {
        return new Tuple(items.clone());
    }

    public static Tuple copyOf(List<?> items) {
        return new Tuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && Arrays.equals(items, t.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }
}
