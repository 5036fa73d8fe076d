package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lookups that build lists from their terms (the {@code with_*} loops): items, list, dict, indexed_items, nested, together, subelements, sequence, random_choice. */
final class ListLookups {
    private static final Pattern SHORTCUT = Pattern.compile("^((0?x?[0-9a-f]+)-)?(0?x?[0-9a-f]+)(/(0?x?[0-9a-f]+))?(:(.+))?$",
            Pattern.CASE_INSENSITIVE);

    private ListLookups() {}

    static Fn.Lookup get(String name) {
        return switch (name) {
            case "items" -> (e, terms, kw) -> flatten(terms);
            case "list" -> (e, terms, kw) -> new ArrayList<>(terms);
            case "flattened" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                SetFilters.flatten(terms, -1, false, out);
                return out;
            };
            case "dict" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) {
                    if (!(t instanceof Map<?, ?> m)) throw new EvalError("with_dict expects a dict");
                    m.forEach((k, v) -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("key", k);
                        item.put("value", v);
                        out.add(item);
                    });
                }
                return out;
            };
            case "indexed_items" -> (e, terms, kw) -> {
                List<Object> items = flatten(terms);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) out.add(Tuple.of((long) i, items.get(i)));
                return out;
            };
            case "nested", "cartesian" -> (e, terms, kw) -> nested(terms, name);
            case "together" -> (e, terms, kw) -> {
                if (terms.isEmpty()) throw new EvalError("with_together requires at least one element in each list");
                List<List<Object>> lists = new ArrayList<>();
                for (Object t : terms) lists.add(listify(t));
                int n = lists.stream().mapToInt(List::size).max().orElse(0);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<Object> row = new ArrayList<>();
                    for (List<Object> l : lists) row.add(i < l.size() ? l.get(i) : null);
                    out.add(flatten(row));
                }
                return out;
            };
            case "subelements" -> ListLookups::subelements;
            case "sequence" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) out.addAll(sequence(PyOps.str(t)));
                return out;
            };
            case "random_choice" -> (e, terms, kw) -> terms.isEmpty() ? new ArrayList<>()
                    : new ArrayList<>(List.of(terms.get(new SecureRandom().nextInt(terms.size()))));
            default -> null;
        };
    }

    /** Ansible's LookupBase._flatten: lists in the terms spliced in, one level. */
    static List<Object> flatten(List<?> terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (t instanceof List<?> l) out.addAll(l);
            else out.add(t);
        }
        return out;
    }

    private static List<Object> listify(Object t) {
        return t instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(java.util.Collections.singletonList(t));
    }

    private static List<Object> nested(List<Object> terms, String name) {
        if (terms.isEmpty()) throw new EvalError("with_" + name + " requires at least one element in the nested list");
        List<Object> result = listify(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            List<Object> next = new ArrayList<>();
            for (Object x : result) for (Object y : listify(terms.get(i))) next.add(flatten(List.of(x, y)));
            result = next;
        }
        if (terms.size() == 1) {
            List<Object> out = new ArrayList<>();
            for (Object x : result) out.add(flatten(List.of(x)));
            return out;
        }
        return result;
    }

    private static List<Object> subelements(Env e, List<Object> terms, Map<String, Object> kw) {
        String usage = "subelements lookup expects a list of two or three items, ";
        if (terms.size() < 2 || terms.size() > 3) throw new EvalError(usage);
        // the first term is listified as Ansible's listify_lookup_plugin_terms does: a scalar becomes a one-item list
        Object first = terms.get(0) instanceof Map ? terms.get(0) : listify(terms.get(0));
        if (!(terms.get(1) instanceof CharSequence)) {
            throw new EvalError(usage + "first a dict or a list, second a string pointing to the subkey");
        }
        List<Object> elements;
        if (first instanceof Map<?, ?> m) {
            if (m.containsKey("skipped") && !Boolean.FALSE.equals(m.get("skipped"))) return new ArrayList<>();
            elements = new ArrayList<>(m.values());
        } else {
            elements = new ArrayList<>((List<?>) first);
        }
        Object flags = terms.size() == 3 ? terms.get(2) : Map.of();
        if (!(flags instanceof Map<?, ?> fm) || !fm.keySet().stream().allMatch("skip_missing"::equals)) {
            throw new EvalError(usage + "the optional third item must be a dict with flags ('skip_missing',)");
        }
        boolean skip = fm.get("skip_missing") != null && Booleans.ansible(fm.get("skip_missing")) == Boolean.TRUE;
        String[] keys = PyOps.str(terms.get(1)).split("\\.");
        List<Object> out = new ArrayList<>();
        for (Object item : elements) {
            if (!(item instanceof Map<?, ?> m)) throw new EvalError("subelements lookup expects a dictionary, got '" + PyOps.str(item) + "'");
            if (m.containsKey("skipped") && !Boolean.FALSE.equals(m.get("skipped"))) continue;
            Object sub = m;
            List<?> sublist = List.of();
            for (int i = 0; i < keys.length; i++) {
                Map<?, ?> sm = (Map<?, ?>) sub;
                if (!sm.containsKey(keys[i])) {
                    if (skip) continue;
                    throw new EvalError("could not find '" + keys[i] + "' key in iterated item '" + PyOps.str(sub) + "'");
                }
                Object v = sm.get(keys[i]);
                if (i < keys.length - 1) {
                    if (!(v instanceof Map)) {
                        if (skip) continue;
                        throw new EvalError("the key " + keys[i] + " should point to a dictionary, got '" + PyOps.str(v) + "'");
                    }
                    sub = v;
                } else {
                    if (!(v instanceof List<?> l)) throw new EvalError("the key " + keys[i] + " should point to a list, got '" + PyOps.str(v) + "'");
                    sublist = l;
                }
            }
            for (Object s : sublist) out.add(Tuple.of(item, s));
        }
        return out;
    }

    /** The sequence lookup: {@code [start-]end[/stride][:format]} or {@code start= end= count= stride= format=}. */
    static List<Object> sequence(String term) {
        long start = 1;
        Long end = null;
        Long count = null;
        long stride = 1;
        String format = "%d";
        Matcher m = SHORTCUT.matcher(term);
        if (m.matches()) {
            if (m.group(2) != null) start = parse("start", m.group(2));
            end = parse("end", m.group(3));
            if (m.group(5) != null) stride = parse("stride", m.group(5));
            if (m.group(7) != null) format = m.group(7);
        } else {
            Map<String, String> args = new LinkedHashMap<>();
            for (String kv : term.strip().split("\\s+")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                args.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
            if (args.containsKey("start")) start = parse("start", args.remove("start"));
            if (args.containsKey("end")) end = parse("end", args.remove("end"));
            if (args.containsKey("count")) count = parse("count", args.remove("count"));
            if (args.containsKey("stride")) stride = parse("stride", args.remove("stride"));
            if (args.containsKey("format")) format = args.remove("format");
            if (!args.isEmpty()) throw new EvalError("unrecognized arguments to with_sequence: " + dev.jplay.data.Py.repr(new ArrayList<>(args.keySet())));
        }
        if (count == null && end == null) throw new EvalError("must specify count or end in with_sequence");
        if (count != null && end != null) throw new EvalError("can't specify both count and end in with_sequence");
        if (count != null) {
            if (count != 0) {
                end = start + count * stride - 1;
            } else {
                start = 0;
                end = 0L;
                stride = 0;
            }
        }
        if (stride > 0 && end < start) throw new EvalError("to count backwards make stride negative");
        if (stride < 0 && end > start) throw new EvalError("to count forward don't make stride negative");
        if (format.chars().filter(c -> c == '%').count() != 1) throw new EvalError("bad formatting string: " + format);
        List<Object> out = new ArrayList<>();
        if (stride == 0) return out;
        long stop = end + (stride > 0 ? 1 : -1);
        for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
            try {
                out.add(PyFormat.percent(format, i));
            } catch (EvalError ex) {
                throw new EvalError("problem formatting " + i + " with " + dev.jplay.data.Py.repr(format));
            }
            if (out.size() > Globals.MAX_RANGE) throw new EvalError("with_sequence: more than " + Globals.MAX_RANGE + " items");
        }
        return out;
    }

    /** Python's {@code int(text, 0)}: decimal, 0x, 0o, 0b; leading zeros refused. */
    private static long parse(String what, String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
            if (t.startsWith("0b")) return Long.parseLong(t.substring(2), 2);
            if (t.length() > 1 && t.startsWith("0") && !t.chars().allMatch(c -> c == '0')) throw new NumberFormatException();
            return Long.parseLong(t);
        } catch (NumberFormatException ex) {
            throw new EvalError("can't parse " + what + "=" + text + " as integer");
        }
    }
}
