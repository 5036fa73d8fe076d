package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.playbook.Loop;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import dev.jplay.template.Undefined;
import dev.jplay.vars.VarScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates a task's loop into items, and builds each item's loop variables ({@code item}, index, {@code ansible_loop}). */
final class LoopItems {
    private LoopItems() {}

    /** The loop's settings, templated for one host. */
    record Settings(String loopVar, String indexVar, Object label, double pause, boolean extended, boolean allItems) {}

    static List<Object> items(Loop loop, VarScope scope, Templar templar, dev.jplay.source.Loc loc) {
        Object terms = templar.template(loop.items(), scope.context(loc));
        if (terms instanceof Undefined u) throw new dev.jplay.template.TemplateException(u.message(), loc);
        if (loop.with() != null) return templar.loopLookup(loop.with(), terms, scope.context(loc));
        if (terms instanceof List<?> l) return new ArrayList<>(l);
        throw new SourceException("Invalid data passed to 'loop', it requires a list, got this instead: " + Py.str(terms)
                + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup invocation "
                + "or use q/query instead of lookup.", loc);
    }

    /** The loop_control settings; a SourceException at {@code loc} for one that is not valid ({@code extended: maybe}). */
    static Settings settings(Loop loop, VarScope scope, Templar templar, Loc loc) {
        Loop.Control c = loop.control();
        var ctx = scope.context(loc);
        String var = c.loopVar() == null ? "item" : Py.str(templar.template(c.loopVar(), ctx));
        String index = c.indexVar() == null ? null : Py.str(templar.template(c.indexVar(), ctx));
        double pause = c.pause() == null ? 0 : Double.parseDouble(Py.str(templar.template(c.pause(), ctx)));
        boolean extended = Flags.of("extended", c.extended(), false, templar, ctx, loc);
        boolean allItems = Flags.of("extended_allitems", c.extendedAllitems(), true, templar, ctx, loc);
        return new Settings(var, index, c.label(), pause, extended, allItems);
    }

    /** The variables an item's iteration sees. */
    static Map<String, Object> vars(Settings s, List<Object> items, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(s.loopVar(), items.get(i));
        m.put("ansible_loop_var", s.loopVar());
        if (s.indexVar() != null) {
            m.put(s.indexVar(), (long) i);
            m.put("ansible_index_var", s.indexVar());
        }
        if (s.extended()) m.put("ansible_loop", extended(items, i, s.allItems()));
        return m;
    }

    /** {@code ansible_loop}, its keys in Ansible's order; {@code allitems} unless {@code extended_allitems: false}. */
    private static Map<String, Object> extended(List<Object> items, int i, boolean allItems) {
        int n = items.size();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("index", (long) i + 1);
        l.put("index0", (long) i);
        l.put("first", i == 0);
        l.put("last", i == n - 1);
        l.put("length", (long) n);
        l.put("revindex", (long) (n - i));
        l.put("revindex0", (long) (n - i - 1));
        if (allItems) l.put("allitems", items);
        if (i < n - 1) l.put("nextitem", items.get(i + 1));
        if (i > 0) l.put("previtem", items.get(i - 1));
        return l;
    }

    /** Ansible's loop result: {@code results} plus changed/failed/skipped summaries and msg. */
    static Map<String, Object> aggregate(List<Map<String, Object>> results) {
        Map<String, Object> res = new LinkedHashMap<>();
        boolean changed = false;
        boolean failed = false;
        boolean skipped = true;
        for (Map<String, Object> r : results) {
            changed |= Boolean.TRUE.equals(r.get("changed"));
            failed |= Boolean.TRUE.equals(r.get("failed"));
            skipped &= Boolean.TRUE.equals(r.get("skipped"));
        }
        res.put("changed", changed);
        if (failed) {
            res.put("failed", true);
            res.put("msg", "One or more items failed");
        } else {
            res.put("msg", skipped ? "All items skipped" : "All items completed");
        }
        if (skipped) res.put("skipped", true);
        res.put("results", results);
        return res;
    }
}
