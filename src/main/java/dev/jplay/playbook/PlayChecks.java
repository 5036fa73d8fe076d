package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The checks of a play's own keywords, with Ansible's verdicts: each wrong value is an error where it is written. */
final class PlayChecks {
    private PlayChecks() {}

    /** The strategies jplay runs. */
    static final Set<String> STRATEGIES = Set.of("linear", "free", "host_pinned", "ansible.builtin.linear", "ansible.builtin.free",
            "ansible.builtin.host_pinned");
    static final Set<String> ORDERS = Set.of("inventory", "reverse_inventory", "sorted", "reverse_sorted", "shuffle");

    static void keys(Map<String, Object> ds) {
        if (ds.containsKey("user") && ds.containsKey("remote_user")) {
            throw new SourceException("both 'user' and 'remote_user' are set for this play. The use of 'user' is deprecated, and should "
                    + "be removed", Raw.loc(ds), "keep only remote_user");
        }
        for (String k : ds.keySet()) {
            if (Keys.PLAY.contains(k) || k.equals("user")) continue; // user: Ansible's old name of a play's remote_user
            String hint = Keys.closest(k, Keys.PLAY).map(s -> "did you mean '" + s + "'?")
                    .orElse(k.equals("when") ? "a play has no 'when'; put it on the tasks, a block, or an import_playbook"
                            : Keys.TASK.contains(k) || k.contains(".") ? "tasks go under 'tasks:' in a play" : null);
            throw new SourceException("'" + k + "' is not a valid attribute for a Play", Raw.keyLoc(ds, k), hint);
        }
    }

    /** The host pattern: a string, or a list of them joined with commas. */
    static Object hosts(Map<String, Object> ds) {
        if (!ds.containsKey("hosts")) throw new SourceException("the field 'hosts' is required but was not set", Raw.loc(ds), "e.g.  hosts: all");
        Object h = ds.get("hosts");
        Loc at = Raw.valueLoc(ds, "hosts");
        if (h == null || (h instanceof CharSequence s && s.toString().isBlank())) {
            throw new SourceException("Hosts list cannot be empty. Please check your playbook", at, "e.g.  hosts: all");
        }
        if (h instanceof Map) throw new SourceException("Hosts list must be a sequence or string. Please check your playbook.", at);
        if (h instanceof List<?> l) {
            if (l.isEmpty()) throw new SourceException("Hosts list cannot be empty. Please check your playbook", at);
            for (Object x : l) {
                if (x == null || x instanceof Map || x instanceof List || Py.str(x).isBlank()) {
                    throw new SourceException("Hosts list cannot contain values of '" + Py.str(x) + "'. Please check your playbook", at);
                }
            }
            return String.join(",", l.stream().map(Py::str).toList());
        }
        return h;
    }

    /** The play-only keywords: gather_facts, force_handlers, serial, max_fail_percentage, strategy, order, environment. */
    static void values(Map<String, Object> ds, Consumer<String> warn) {
        for (String k : List.of("gather_facts", "force_handlers")) {
            Object v = ds.get(k);
            if (v != null && !Templar.isTemplate(v) && !KeywordValues.isBool(v)) {
                throw KeywordValues.notBool(k, v, Raw.valueLoc(ds, k)).as(Kind.PARSE); // a play's: Ansible's load error
            }
        }
        Object mfp = ds.get("max_fail_percentage");
        if (mfp != null && !Templar.isTemplate(mfp) && !isPercent(mfp)) {
            throw new SourceException("the field 'max_fail_percentage' has an invalid value (" + Py.str(mfp) + "), and could not be converted "
                    + "to a percent", Raw.valueLoc(ds, "max_fail_percentage"), "e.g.  max_fail_percentage: 30");
        }
        serial(ds);
        Object strategy = ds.get("strategy");
        if (strategy != null && !Templar.isTemplate(strategy) && !STRATEGIES.contains(Py.str(strategy))) {
            throw new SourceException("Invalid play strategy specified: " + Py.str(strategy), Raw.valueLoc(ds, "strategy"),
                    "jplay runs the strategies linear, free and host_pinned", null, Kind.ERROR);
        }
        Object order = ds.get("order");
        if (order != null && !Templar.isTemplate(order) && !ORDERS.contains(Py.str(order))) {
            throw new SourceException("Invalid 'order' specified for inventory hosts: " + Py.str(order), Raw.valueLoc(ds, "order"),
                    "one of: " + String.join(", ", List.of("inventory", "reverse_inventory", "sorted", "reverse_sorted", "shuffle")),
                    null, Kind.OPTIONS);
        }
        Keywords.environmentWarnings(ds, warn);
    }

    private static void serial(Map<String, Object> ds) {
        Object serial = ds.get("serial");
        if (serial == null || Templar.isTemplate(serial)) return;
        for (Object v : Raw.list(serial)) {
            if (v == null || Templar.isTemplate(v) || isBatch(v)) continue;
            throw new SourceException("the field 'serial' has an invalid value (" + Py.str(v) + "): a batch size is a number or a "
                    + "percentage", Raw.valueLoc(ds, "serial"), "e.g.  serial: 2,  serial: '30%'  or  serial: [1, 5, '50%']");
        }
    }

    private static boolean isBatch(Object v) {
        if (v instanceof Boolean || v instanceof Map || v instanceof List) return false;
        if (v instanceof Number) return true;
        String s = Py.str(v).strip();
        return s.matches("\\d+") || s.matches("\\d+(\\.\\d+)?%");
    }

    private static boolean isPercent(Object v) {
        if (v instanceof Boolean || v instanceof Map || v instanceof List) return false;
        if (v instanceof Number) return true;
        return Py.str(v).strip().replace("%", "").matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    }
}
