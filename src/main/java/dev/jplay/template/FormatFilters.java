package dev.jplay.template;

import dev.jplay.data.Json;
import dev.jplay.source.Yaml;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Serialisation filters: to_json, to_nice_json, tojson, from_json, to_yaml, to_nice_yaml, from_yaml, from_yaml_all, pprint, b64encode, b64decode. */
final class FormatFilters {
    private FormatFilters() {}

    /** YAML text; an undefined value anywhere in it fails as Ansible's filter reports it ("to_yaml - 'x' is undefined"). */
    private static String yaml(String filter, Object v, Boolean flow, Map<String, Object> kw) {
        try {
            return YamlDump.dump(v, flow, kw);
        } catch (EvalError e) {
            if (e.kind != EvalError.Kind.UNDEFINED) throw e;
            throw new EvalError(filter + " - " + e.getMessage());
        }
    }

    static Fn.Filter get(String name) {
        return switch (name) {
            case "to_json" -> (e, v, a) -> json(v, a.keywords(), -1, false);
            case "to_nice_json" -> (e, v, a) -> json(v, a.keywords(), PyOps.index(a.get(0, "indent", 4L)), a.bool(1, "sort_keys", true));
            case "tojson" -> (e, v, a) -> {
                Object indent = a.get(0, "indent", null);
                String s = json(v, Map.of(), indent == null ? -1 : PyOps.index(indent), true);
                return new Markup(s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027"));
            };
            case "from_json" -> (e, v, a) -> {
                if (!(v instanceof CharSequence s)) throw EvalError.type("the JSON object must be str, bytes or bytearray, not " + PyOps.typeName(v));
                try {
                    return Json.parse(s.toString());
                } catch (IllegalArgumentException ex) {
                    throw new EvalError(ex.getMessage());
                }
            };
            case "to_yaml" -> (e, v, a) -> {
                Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
                Object flow = kw.remove("default_flow_style");
                return yaml("to_yaml", v, flow == null ? null : PyOps.truthy(flow), kw);
            };
            case "to_nice_yaml" -> (e, v, a) -> {
                Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
                kw.put("indent", a.get(0, "indent", 4L));
                return yaml("to_nice_yaml", v, false, kw);
            };
            case "from_yaml" -> (e, v, a) -> v instanceof CharSequence s ? Yaml.loadYaml(s.toString(), "<from_yaml>") : v;
            case "from_yaml_all" -> (e, v, a) -> {
                if (!(v instanceof CharSequence s)) return v;
                List<Object> docs = new ArrayList<>();
                for (String doc : s.toString().split("(?m)^---(?=\\s|$).*$")) {
                    if (!doc.isBlank()) docs.add(Yaml.loadYaml(doc, "<from_yaml_all>"));
                }
                return docs;
            };
            case "pprint" -> (e, v, a) -> PPrint.format(v);
            case "b64encode" -> (e, v, a) -> Base64.getEncoder().encodeToString(PyOps.str(v).getBytes(charset(a.str(0, "encoding", "utf-8"))));
            case "b64decode" -> (e, v, a) -> {
                String s = PyOps.str(v).replaceAll("[^A-Za-z0-9+/=]", "");
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(s);
                } catch (IllegalArgumentException ex) {
                    int data = s.replace("=", "").length();
                    throw new EvalError(data % 4 == 1 ? "Invalid base64-encoded string: number of data characters (" + data
                            + ") cannot be 1 more than a multiple of 4" : "Incorrect padding");
                }
                String enc = a.str(0, "encoding", "utf-8");
                return charset(enc).equals(StandardCharsets.UTF_8) ? PyStrings.decodeUtf8(bytes) : new String(bytes, charset(enc));
            };
            default -> null;
        };
    }

    /**
     * Python codec names ({@code utf-16-le}, {@code latin-1}, {@code iso8859_15}, {@code cp1252} ...) as Java charsets
     * (for the b64 filters and the ini and csvfile lookups' {@code encoding}).
     */
    static Charset charset(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        String java = switch (n) {
            case "utf8", "utf-8" -> "UTF-8";
            case "utf-16-le", "utf-16le" -> "UTF-16LE";
            case "utf-16-be", "utf-16be" -> "UTF-16BE";
            case "utf-32-le", "utf-32le" -> "UTF-32LE";
            case "utf-32-be", "utf-32be" -> "UTF-32BE";
            case "latin-1", "latin1", "iso-8859-1" -> "ISO-8859-1";
            case "ascii", "us-ascii" -> "US-ASCII";
            default -> n;
        };
        try {
            return Charset.forName(java);
        } catch (IllegalArgumentException ex) {
            throw new EvalError("unknown encoding: " + name);
        }
    }

    /** {@code json.dumps} with Ansible's encoder: dates as ISO text, tuples as lists; an undefined value fails. */
    static String json(Object v, Map<String, Object> kw, long indentDefault, boolean sortDefault) {
        Map<String, Object> k = new LinkedHashMap<>(kw);
        Object indent = k.containsKey("indent") ? k.remove("indent") : indentDefault < 0 ? null : indentDefault;
        boolean sort = k.containsKey("sort_keys") ? PyOps.truthy(k.remove("sort_keys")) : sortDefault;
        boolean ascii = !k.containsKey("ensure_ascii") || PyOps.truthy(k.remove("ensure_ascii"));
        k.remove("vault_to_text");
        k.remove("preprocess_unsafe");
        k.remove("skipkeys");
        k.remove("check_circular");
        k.remove("allow_nan");
        Object sep = k.remove("separators");
        if (!k.isEmpty()) throw EvalError.type("__init__() got an unexpected keyword argument '" + k.keySet().iterator().next() + "'");
        int ind = indent == null ? -1 : (int) PyOps.index(indent);
        String out = Json.write(jsonable(v), new Json.Style(ind, sort, ascii));
        if (sep != null) out = separators(out, PyOps.iterate(sep), ind);
        return out;
    }

    /** Rewrites Python's default separators to the ones given (only the common compact form is needed in practice). */
    private static String separators(String out, List<Object> sep, int indent) {
        if (sep.size() != 2) throw new EvalError("separators must be an (item_separator, key_separator) pair");
        String item = PyOps.str(sep.get(0));
        String key = PyOps.str(sep.get(1));
        String defItem = indent < 0 ? ", " : ",";
        if (item.equals(defItem) && key.equals(": ")) return out;
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\') sb.append(out.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                sb.append(c);
            } else if (out.startsWith(defItem, i) && c == ',') {
                sb.append(item);
                i += defItem.length() - 1;
            } else if (out.startsWith(": ", i)) {
                sb.append(key);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static Object jsonable(Object v) {
        if (v instanceof Undefined u) throw EvalError.undefined(u, -1);
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(PyOps.keyString(k), jsonable(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(jsonable(o));
            return out;
        }
        if (v instanceof PyTime.DateTime d) return d.isoformat();
        if (v instanceof CharSequence s) return s.toString();
        return v;
    }
}
