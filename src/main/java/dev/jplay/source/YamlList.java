package dev.jplay.source;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence as an ordinary list that remembers where it and each item came from. */
public final class YamlList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
    private final Loc loc;
    private final List<Loc> itemLocs = new ArrayList<>();

    public YamlList(Loc loc) {
        this.loc = loc;
    }

    public Loc loc() {
        return loc;
    }

    public Loc itemLoc(int index) {
        return index < itemLocs.size() ? itemLocs.get(index) : loc;
    }

    void addLocated(Object value, Loc itemLoc) {
        add(value);
        itemLocs.add(itemLoc);
    }
}
