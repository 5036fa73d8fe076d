package dev.jplay.template;

import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.source.Yaml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;

/** Filters on values: default, type conversions, JSON/YAML, base64, hashes, ternary ... */
final class DataFilters {
    private DataFilters() {}

    static void register(Map<String, Fn.Filter> f) {
        f.put("default", (e, v, a) -> {
            boolean bool = a.bool(1, "boolean", false);
            if (v instanceof Undefined || (bool && !PyOps.truthy(v))) return a.get(0, "default_value", "");
            return v;
        });
        f.put("d", f.get("default"));
        f.put("mandatory", (e, v, a) -> {
            if (v instanceof Undefined u) {
                Object msg = a.get(0, "msg", null);
                throw new EvalError(msg != null ? PyOps.str(msg) : "Mandatory variable " + u.message().replace(" is undefined", "") + " not defined.");
            }
            return v;
        });
        f.put("bool", (e, v, a) -> {
            if (v instanceof Boolean b) return b;
            if (v == null) return false;
            String s = PyOps.str(v).toLowerCase(Locale.ROOT).strip();
            return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true") || s.equals("y") || s.equals("t");
        });
        f.put("int", (e, v, a) -> toInt(v, a.get(0, "default", 0L), (int) PyOps.asLong(a.get(1, "base", 10L))));
        f.put("float", (e, v, a) -> {
            if (PyOps.isNumber(v)) return PyOps.asDouble(v);
            try {
                return Double.parseDouble(PyOps.str(v).strip());
            } catch (NumberFormatException ex) {
                return a.get(0, "default", 0.0);
            }
        });
        f.put("abs", (e, v, a) -> v instanceof Double d ? (Object) Math.abs(d) : PyOps.norm(PyOps.big(v).abs()));
        f.put("round", (e, v, a) -> {
            int precision = (int) PyOps.asLong(a.get(0, "precision", 0L));
            String method = a.str(1, "method", "common");
            double x = PyOps.asDouble(v) * Math.pow(10, precision);
            double r = method.equals("ceil") ? Math.ceil(x) : method.equals("floor") ? Math.floor(x)
                    : new java.math.BigDecimal(x).setScale(0, java.math.RoundingMode.HALF_UP).doubleValue();
            return r / Math.pow(10, precision);
        });
        f.put("ternary", (e, v, a) -> {
            if (v == null && a.size() > 2) return a.get(2, "none_val");
            return PyOps.truthy(v) ? a.get(0, "true_val") : a.get(1, "false_val");
        });
        f.put("type_debug", (e, v, a) -> PyOps.typeName(v));
        f.put("dict", (e, v, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object pair : PyOps.iterate(v)) {
                List<Object> kv = PyOps.iterate(pair);
                m.put(PyOps.keyString(kv.get(0)), kv.get(1));
            }
            return m;
        });
        f.put("to_json", (e, v, a) -> {
            Object indent = a.keywords().get("indent");
            boolean sort = a.keywords().containsKey("sort_keys") && PyOps.truthy(a.keywords().get("sort_keys"));
            return Json.write(v, new Json.Style(indent == null ? -1 : (int) PyOps.asLong(indent), sort, true));
        });
        f.put("to_nice_json", (e, v, a) -> Json.write(v, new Json.Style((int) PyOps.asLong(a.get(0, "indent", 4L)), true, true)));
        f.put("from_json", (e, v, a) -> {
            try {
                return Json.parse(PyOps.str(v));
            } catch (IllegalArgumentException ex) {
                throw new EvalError("from_json: " + ex.getMessage());
            }
        });
        f.put("to_yaml", (e, v, a) -> yaml(v, DumperOptions.FlowStyle.AUTO, (int) PyOps.asLong(a.keywords().getOrDefault("indent", 2L))));
        f.put("to_nice_yaml", (e, v, a) -> yaml(v, DumperOptions.FlowStyle.BLOCK, (int) PyOps.asLong(a.get(0, "indent", 4L))));
        f.put("from_yaml", (e, v, a) -> v instanceof CharSequence s ? Yaml.load(s.toString(), "<from_yaml>") : v);
        f.put("from_yaml_all", (e, v, a) -> {
            List<Object> docs = new ArrayList<>();
            for (String doc : PyOps.str(v).split("(?m)^---\\s*$")) {
                if (!doc.isBlank()) docs.add(Yaml.load(doc, "<from_yaml_all>"));
            }
            return docs;
        });
        f.put("b64encode", (e, v, a) -> Base64.getEncoder().encodeToString(PyOps.str(v).getBytes(StandardCharsets.UTF_8)));
        f.put("b64decode", (e, v, a) -> new String(Base64.getMimeDecoder().decode(PyOps.str(v)), StandardCharsets.UTF_8));
        f.put("hash", (e, v, a) -> digest(PyOps.str(v), a.str(0, "hashtype", "sha1")));
        f.put("checksum", (e, v, a) -> digest(PyOps.str(v), "sha1"));
        f.put("md5", (e, v, a) -> digest(PyOps.str(v), "md5"));
        f.put("sha1", (e, v, a) -> digest(PyOps.str(v), "sha1"));
        f.put("password_hash", (e, v, a) -> {
            String type = a.str(0, "hashtype", "sha512");
            if (!type.equals("sha512") && !type.equals("sha512_crypt")) throw new EvalError("password_hash: jplay supports sha512 only");
            String salt = a.str(1, "salt", null);
            return Sha512Crypt.crypt(PyOps.str(v), salt == null ? Sha512Crypt.randomSalt() : salt,
                    (int) PyOps.asLong(a.get(2, "rounds", 5000L)));
        });
    }

    static Object toInt(Object v, Object def, int base) {
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (PyOps.isInt(v)) return v;
        if (v instanceof Double d) return (long) (double) d;
        String s = PyOps.str(v).strip().replace("_", "");
        try {
            if (base != 10) {
                String t = s.toLowerCase(Locale.ROOT);
                if ((base == 16 && t.startsWith("0x")) || (base == 8 && t.startsWith("0o")) || (base == 2 && t.startsWith("0b"))) {
                    s = s.substring(2);
                }
            }
            return PyOps.norm(new java.math.BigInteger(s, base));
        } catch (NumberFormatException ex) {
            try {
                return (long) Double.parseDouble(s);
            } catch (NumberFormatException ex2) {
                return def;
            }
        }
    }

    static String digest(String s, String algo) {
        String a = switch (algo.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw new EvalError("unsupported hash type " + algo);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(a).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new EvalError("unsupported hash type " + algo);
        }
    }

    /** PyYAML-like output: keys sorted, unicode kept, the given flow style and indent. */
    static String yaml(Object v, DumperOptions.FlowStyle style, int indent) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(style);
        o.setIndent(Math.max(2, indent));
        o.setAllowUnicode(true);
        o.setSplitLines(true);
        org.yaml.snakeyaml.Yaml y = new org.yaml.snakeyaml.Yaml(o);
        return y.dump(plain(v));
    }

    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> t = new TreeMap<>();
            m.forEach((k, x) -> t.put(PyOps.keyString(k), plain(x)));
            return new LinkedHashMap<>(t);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(plain(o));
            return out;
        }
        if (v instanceof CharSequence s) return s.toString();
        if (v instanceof Undefined u) throw new EvalError(u.message());
        if (v == null || v instanceof Number || v instanceof Boolean) return v;
        return Py.str(v);
    }
}
