package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import java.util.Map;

/** Reads a task's loop ({@code loop:} or {@code with_<lookup>:}) and {@code loop_control}. */
final class Loops {
    private Loops() {}

    /** The loop (or null), and a problem Ansible reports only when the task runs. */
    record Read(Loop loop, SourceException problem) {}

    static Read read(Map<String, Object> ds) {
        String with = null;
        for (String k : ds.keySet()) {
            if (!k.startsWith("with_")) continue;
            if (with != null) throw duplicate(ds, k);
            with = k;
        }
        if (with != null && ds.containsKey("loop")) throw duplicate(ds, with);
        Loop.Control control = control(ds);
        if (with != null) return new Read(new Loop(with.substring(5), ds.get(with), control), null);
        if (!ds.containsKey("loop")) return new Read(null, null); // a loop_control alone is ignored, as in Ansible
        Object items = ds.get("loop");
        SourceException problem = items instanceof Map ? new SourceException("Invalid data passed to 'loop', it requires a list, "
                + "got this instead: " + Py.repr(items) + ".", Raw.valueLoc(ds, "loop"),
                "to loop over a dict use  loop: \"{{ mydict | dict2items }}\"", null, Kind.TASK) : null;
        return new Read(new Loop(null, items, control), problem);
    }

    private static SourceException duplicate(Map<String, Object> ds, String key) {
        return new SourceException("duplicate loop in task: " + (key.startsWith("with_") ? key.substring(5) : key) + " (a task has one "
                + "loop: 'loop' or one 'with_<lookup>')", Raw.keyLoc(ds, key), null, null, Kind.ERROR);
    }

    private static Loop.Control control(Map<String, Object> ds) {
        if (!ds.containsKey("loop_control")) return Loop.Control.DEFAULT;
        Map<String, Object> lc = Raw.map(ds.get("loop_control"), "loop_control", Raw.keyLoc(ds, "loop_control"));
        Raw.onlyKeys(lc, Keys.LOOP_CONTROL, "LoopControl");
        return new Loop.Control(lc.get("loop_var"), lc.get("index_var"), lc.get("label"), lc.get("pause"), lc.get("extended"),
                lc.get("extended_allitems"));
    }
}
