package dev.jplay.output;

import dev.jplay.data.Json;
import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How results are shown, as Ansible's CallbackBase does it: censoring, cleaning, JSON dumps, item labels, diffs. */
final class Results {
    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    private static final List<String> HIDE_IN_DEBUG = List.of("changed", "failed", "skipped", "invocation", "skip_reason");
    private static final Set<String> NO_LOG_PRESERVE = Set.of("attempts", "changed", "retries");
    /** Statuses are carried by the event, so Ansible drops these keys from what callbacks see. */
    private static final Set<String> STATUS_KEYS = Set.of("failed", "skipped");
    static final String CENSORED = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private Results() {}

    /** A display copy as Ansible's clean_copy: no_log censored, status keys dropped, internal keys kept for display decisions. */
    static Map<String, Object> displayCopy(Map<String, Object> result) {
        if (Boolean.TRUE.equals(result.get("_ansible_no_log"))) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("censored", CENSORED);
            for (var e : result.entrySet()) {
                if (NO_LOG_PRESERVE.contains(e.getKey()) || e.getKey().startsWith("_ansible_")) c.put(e.getKey(), e.getValue());
            }
            return c;
        }
        Map<String, Object> c = new LinkedHashMap<>(result);
        STATUS_KEYS.forEach(c::remove);
        return c;
    }

    /** The debug module shows only its message (or its variable). */
    static void clean(Map<String, Object> r, String action) {
        if (!action.equals("debug")) return;
        if (r.containsKey("msg")) r.keySet().removeIf(k -> !DEBUG_ALLOWED.contains(k) && !k.startsWith("_"));
        else HIDE_IN_DEBUG.forEach(r::remove);
    }

    static boolean verbose(Map<String, Object> r, int verbosity, int threshold) {
        return (verbosity > threshold || Boolean.TRUE.equals(r.get("_ansible_verbose_always")))
                && !Boolean.TRUE.equals(r.get("_ansible_verbose_override"));
    }

    /** {@code json.dumps} of the result without internal keys, as Ansible's _dump_results. */
    static String dump(Map<String, Object> r, int verbosity, Integer indentOverride) {
        Map<String, Object> clean = strip(r);
        if (verbosity < 3) clean.remove("invocation");
        if (verbosity < 3) clean.remove("diff");
        clean.remove("exception");
        int indent = indentOverride != null ? indentOverride
                : Boolean.TRUE.equals(r.get("_ansible_verbose_always")) || verbosity > 2 ? 4 : -1;
        return Json.write(clean, new Json.Style(indent, true, false));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> strip(Map<String, Object> r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : r.entrySet()) {
            if (e.getKey().startsWith("_ansible_")) continue;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) v = strip((Map<String, Object>) m);
            else if (v instanceof List<?> l) {
                List<Object> copy = new ArrayList<>();
                for (Object o : l) copy.add(o instanceof Map<?, ?> m2 ? strip((Map<String, Object>) m2) : o);
                v = copy;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    static String itemLabel(Map<String, Object> r) {
        if (Boolean.TRUE.equals(r.get("_ansible_no_log"))) return "(censored due to no_log)";
        Object item = r.containsKey("_ansible_item_label") ? r.get("_ansible_item_label") : r.get("item");
        if (!r.containsKey("_ansible_item_label") && r.get("ansible_loop_var") instanceof String var && !var.equals("item")) {
            item = r.get(var);
        }
        return Py.str(item);
    }

    /** Ansible's _get_diff: a unified diff of before/after (dicts shown as sorted JSON), plus {@code prepared} text. */
    @SuppressWarnings("unchecked")
    static String diff(Object diffs, Display d) {
        List<Object> list = diffs instanceof List<?> l ? new ArrayList<>(l) : List.of(diffs);
        StringBuilder sb = new StringBuilder();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> raw)) continue;
            Map<String, Object> diff = (Map<String, Object>) raw;
            if (diff.containsKey("dst_binary")) sb.append("diff skipped: destination file appears to be binary\n");
            if (diff.containsKey("src_binary")) sb.append("diff skipped: source file appears to be binary\n");
            if (diff.containsKey("dst_larger")) sb.append("diff skipped: destination file size is greater than ").append(diff.get("dst_larger")).append('\n');
            if (diff.containsKey("src_larger")) sb.append("diff skipped: source file size is greater than ").append(diff.get("src_larger")).append('\n');
            if (diff.containsKey("before") && diff.containsKey("after")) {
                String before = side(diff.get("before"));
                String after = side(diff.get("after"));
                String bh = diff.containsKey("before_header") ? "before: " + diff.get("before_header") : "before";
                String ah = diff.containsKey("after_header") ? "after: " + diff.get("after_header") : "after";
                List<String> lines = UnifiedDiff.diff(lines(before), lines(after), bh, ah, 3);
                for (String line : lines) {
                    String body = line.substring(0, line.length() - 1);
                    String color = line.startsWith("+") ? Display.DIFF_ADD : line.startsWith("-") ? Display.DIFF_REMOVE
                            : line.startsWith("@@") ? Display.DIFF_LINES : null;
                    sb.append(d.paint(body, color)).append('\n');
                }
                if (!lines.isEmpty()) sb.append('\n');
            }
            if (diff.containsKey("prepared")) sb.append(Py.str(diff.get("prepared")));
        }
        return sb.toString();
    }

    private static String side(Object v) {
        if (v == null) return "";
        if (v instanceof Map<?, ?> m) return Json.write(m, new Json.Style(4, true, false)) + "\n";
        return Py.str(v);
    }

    /** splitlines(keepends=True), with difflib's no-newline marker on a last line without one. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start) + "\n\\ No newline at end of file\n");
        return out;
    }
}
