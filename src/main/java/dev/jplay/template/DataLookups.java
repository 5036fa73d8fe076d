package dev.jplay.template;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Lookups that read data files or the inventory: ini (and Java properties), csvfile, inventory_hostnames. */
final class DataLookups {
    private DataLookups() {}

    static Fn.Lookup get(String name) {
        return switch (name) {
            case "ini" -> DataLookups::ini;
            case "csvfile" -> DataLookups::csvfile;
            case "inventory_hostnames" -> (e, terms, kw) -> {
                Object groups = e.ctx.scope().get("groups");
                if (!(groups instanceof Map<?, ?> g)) throw new EvalError("the inventory_hostnames lookup needs the 'groups' variable");
                List<String> patterns = new ArrayList<>();
                for (Object t : terms) patterns.add(PyOps.str(t));
                return new ArrayList<>(HostPatterns.select(g, patterns));
            };
            default -> null;
        };
    }

    /** A term's key and its options (the lookup's keyword arguments, overridden by the term's own {@code k=v}). */
    private record Term(String key, Map<String, Object> options) {}

    private static Map<String, Object> options(Map<String, Object> kw, List<String> allowed) {
        for (String k : kw.keySet()) if (!allowed.contains(k)) throw Library.LookupFailure.lookupError("Unrecognized option: " + k);
        return new LinkedHashMap<>(kw);
    }

    /**
     * The ini lookup's term ({@code key k=v ...}) as Ansible's _parse_params reads it: words grouped under the last
     * option a word names ({@code file=} in it), the first group being the key (required; others are ignored).
     */
    private static Term iniTerm(Object t, Map<String, Object> kw) {
        String s = PyOps.str(t);
        Map<String, Object> options = options(kw, INI_OPTIONS);
        if (!s.contains("=") && !s.strip().contains(" ")) return new Term(s, options);
        Map<String, String> groups = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        String current = "key";
        String[] words = s.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.contains("=")) for (String k : INI_OPTIONS) if (w.contains(k + "=")) current = k;
            String had = groups.getOrDefault(current, "");
            if (i == 0 || had.isEmpty()) {
                groups.put(current, w);
                order.add(current);
            } else {
                groups.put(current, had + " " + w);
            }
        }
        List<String> params = new ArrayList<>();
        for (String k : order) params.add(groups.get(k));
        String key = null;
        for (String p : params) {
            if (p.contains("=")) {
                String[] nv = p.split("=", -1);
                if (nv.length != 2) {
                    throw Library.LookupFailure.lookupError("Could not use '" + p + "' from '" + Py.repr(params) + "': "
                            + (nv.length > 2 ? "too many values to unpack (expected 2)" : "not enough values to unpack (expected 2, got 1)"));
                }
                if (!INI_OPTIONS.contains(nv[0])) throw Library.LookupFailure.lookupError(nv[0] + " is not a valid option.");
                options.put(nv[0], nv[1]);
            } else if (key == null) {
                key = p; // ansible-core 2.14 takes the first and ignores any other
            }
        }
        if (key == null) throw Library.LookupFailure.options("No key to lookup was provided as first term with in string inline options: " + s);
        return new Term(key, options);
    }

    /**
     * The csvfile lookup's term read by Ansible's parse_kv ({@link KeyValue}): the free-form words are the key, the
     * {@code k=v} words options.
     */
    private static Term csvTerm(Object t, Map<String, Object> kw) {
        Map<String, Object> options = options(kw, CSV_OPTIONS);
        Map<String, Object> kv;
        try {
            kv = KeyValue.parse(PyOps.str(t), false);
        } catch (KeyValue.Unbalanced e) {
            throw Library.LookupFailure.unhandled("ansible.errors.AnsibleParserError", e.getMessage());
        }
        Object key = kv.remove(KeyValue.RAW);
        if (key == null) throw new EvalError("Search key is required but was not found");
        for (var o : kv.entrySet()) {
            if (!CSV_OPTIONS.contains(o.getKey())) throw new EvalError(o.getKey() + " is not a valid option");
            options.put(o.getKey(), o.getValue());
        }
        return new Term((String) key, options);
    }

    private static final List<String> INI_OPTIONS = List.of("file", "section", "re", "encoding", "default", "case_sensitive",
            "allow_no_value", "allow_none", "type");

    /** {@code lookup('ini', key, file='ansible.ini', section='global', re=False, default='', type='ini', ...)}. */
    private static List<Object> ini(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            Term term = iniTerm(t, kw);
            Map<String, Object> o = term.options();
            String file = PyOps.str(o.getOrDefault("file", "ansible.ini"));
            boolean properties = PyOps.str(o.getOrDefault("type", "ini")).equals("properties");
            String section = properties ? "java_properties" : PyOps.str(o.getOrDefault("section", "global"));
            boolean caseSensitive = PyOps.truthy(o.getOrDefault("case_sensitive", false));
            boolean allowNoValue = PyOps.truthy(o.getOrDefault("allow_no_value", o.getOrDefault("allow_none", false)));
            Path p = Lookups.find(e.ctx, file, "files");
            if (p == null) {
                e.warn("Unable to find '" + file + "' in expected paths (use -vvvvv to see paths)");
                throw Library.LookupFailure.unhandled("ansible.errors.AnsibleParserError", "Invalid filename: 'None'");
            }
            String text = Lookups.read(p, FormatFilters.charset(PyOps.str(o.getOrDefault("encoding", "utf-8"))));
            if (properties) text = "[java_properties]\n" + text;
            Map<String, Map<String, String>> ini = IniFile.parse(text, file, caseSensitive, allowNoValue);
            Map<String, String> sec = ini.get(section);
            if (sec == null) throw Library.LookupFailure.lookupError("No section '" + section + "' in " + file);
            String key = caseSensitive ? term.key() : term.key().toLowerCase(Locale.ROOT);
            if (PyOps.truthy(o.getOrDefault("re", false))) {
                Pattern re = Pattern.compile(term.key());
                for (var entry : sec.entrySet()) if (re.matcher(entry.getKey()).lookingAt()) out.add(entry.getValue());
            } else if (sec.containsKey(key)) {
                if (sec.get(key) != null) out.add(sec.get(key)); // a key without a value (allow_no_value) gives nothing, as Ansible
            } else {
                out.add(o.getOrDefault("default", ""));
            }
        }
        return out;
    }

    private static final List<String> CSV_OPTIONS = List.of("file", "col", "delimiter", "default", "encoding");

    /** {@code lookup('csvfile', key, file='ansible.csv', col=1, delimiter='TAB', default=None)}: the first row whose first field is key. */
    private static List<Object> csvfile(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            Term term = csvTerm(t, kw);
            Map<String, Object> o = term.options();
            String file = PyOps.str(o.getOrDefault("file", "ansible.csv"));
            String delimiter = PyOps.str(o.getOrDefault("delimiter", "TAB"));
            if (delimiter.equals("TAB") || delimiter.equals("\\t")) delimiter = "\t";
            if (delimiter.length() != 1) throw new EvalError("csvfile: \"delimiter\" must be a 1-character string");
            Path p = Lookups.find(e.ctx, file, "files");
            if (p == null) {
                e.warn("Unable to find '" + file + "' in expected paths (use -vvvvv to see paths)");
                throw new EvalError("csvfile: [Errno 2] No such file or directory: b'None'");
            }
            int col = (int) PyOps.index(DataFilters.toInt(o.getOrDefault("col", 1L), 1L, 10L));
            Object found = o.get("default");
            for (List<String> row : Csv.rows(Lookups.read(p, FormatFilters.charset(PyOps.str(o.getOrDefault("encoding", "utf-8")))), delimiter.charAt(0))) {
                if (!row.isEmpty() && row.get(0).equals(term.key())) {
                    if (col < 0 || col >= row.size()) throw new EvalError("csvfile: list index out of range");
                    found = row.get(col);
                    break;
                }
            }
            if (found != null) out.add(found);
        }
        return out;
    }
}
