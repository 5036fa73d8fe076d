package dev.jplay.template;

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

    /** A term of the form {@code key k=v k=v}: the key, and the options (over {@code kw}). */
    private record Term(String key, Map<String, Object> options) {}

    private static Term term(Object t, Map<String, Object> kw, List<String> allowed) {
        String s = PyOps.str(t).strip();
        String[] words = s.split("\\s+");
        Map<String, Object> options = new LinkedHashMap<>(kw);
        List<String> key = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0 && allowed.contains(w.substring(0, eq))) options.put(w.substring(0, eq), w.substring(eq + 1));
            else key.add(w);
        }
        for (String k : options.keySet()) if (!allowed.contains(k)) throw Library.LookupFailure.lookupError("Unrecognized option: " + k);
        return new Term(String.join(" ", key), options);
    }

    private static final List<String> INI_OPTIONS = List.of("file", "section", "re", "encoding", "default", "case_sensitive",
            "allow_no_value", "allow_none", "type");

    /** {@code lookup('ini', key, file='ansible.ini', section='global', re=False, default='', type='ini', ...)}. */
    private static List<Object> ini(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            Term term = term(t, kw, INI_OPTIONS);
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
            String text = Lookups.read(p);
            if (properties) text = "[java_properties]\n" + text;
            Map<String, Map<String, String>> ini = IniFile.parse(text, caseSensitive, allowNoValue);
            Map<String, String> sec = ini.get(section);
            if (sec == null) throw Library.LookupFailure.lookupError("No section '" + section + "' in " + file);
            String key = caseSensitive ? term.key() : term.key().toLowerCase(Locale.ROOT);
            if (PyOps.truthy(o.getOrDefault("re", false))) {
                Pattern re = Pattern.compile(term.key());
                for (var entry : sec.entrySet()) if (re.matcher(entry.getKey()).lookingAt()) out.add(entry.getValue());
            } else if (sec.containsKey(key)) {
                out.add(sec.get(key));
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
            Term term = term(t, kw, CSV_OPTIONS);
            Map<String, Object> o = term.options();
            String file = PyOps.str(o.getOrDefault("file", "ansible.csv"));
            String delimiter = PyOps.str(o.getOrDefault("delimiter", "TAB"));
            if (delimiter.equals("TAB") || delimiter.equals("\\t")) delimiter = "\t";
            if (delimiter.length() != 1) throw new EvalError("csvfile: \"delimiter\" must be a 1-character string");
            Path p = Lookups.find(e.ctx, file, "files");
            if (p == null) throw new EvalError("csvfile: could not find " + file);
            int col = (int) PyOps.index(DataFilters.toInt(o.getOrDefault("col", 1L), 1L, 10L));
            Object found = o.get("default");
            for (List<String> row : Csv.rows(Lookups.read(p), delimiter.charAt(0))) {
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
