package dev.jplay.template;

import dev.jplay.data.Py;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Filters on values: default, mandatory, bool, int, float, abs, round, ternary, type_debug, to_uuid. */
final class DataFilters {
    private static final UUID ANSIBLE_NAMESPACE = UUID.fromString("361E6D51-FAEC-444A-9079-341386DA8E2E");

    private DataFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "default", "d" -> (e, v, a) -> {
                boolean bool = a.bool(1, "boolean", false);
                if (v instanceof Undefined || (bool && !PyOps.truthy(v))) return a.get(0, "default_value", "");
                return v;
            };
            case "mandatory" -> (e, v, a) -> {
                if (v instanceof Undefined u) {
                    Object msg = a.get(0, "msg", null);
                    if (msg != null) throw new EvalError(PyOps.str(msg));
                    throw new EvalError("Mandatory variable " + (u.name() == null ? "" : "'" + u.name() + "' ") + " not defined.");
                }
                return v;
            };
            case "bool" -> (e, v, a) -> {
                if (v == null || v instanceof Boolean) return v;
                Object x = v instanceof CharSequence s ? s.toString().toLowerCase(Locale.ROOT) : v;
                for (Object t : List.of("yes", "on", "1", "true", 1L)) if (PyOps.eq(x, t)) return true;
                return false;
            };
            case "int" -> (e, v, a) -> toInt(v, a.get(0, "default", 0L), a.get(1, "base", 10L));
            case "float" -> (e, v, a) -> {
                Double d = toFloat(v);
                return d == null ? a.get(0, "default", 0.0) : d;
            };
            case "abs" -> (e, v, a) -> {
                if (v instanceof Double d) return Math.abs(d);
                if (PyOps.isInt(v)) return PyOps.norm(PyOps.big(v).abs());
                throw EvalError.type("bad operand type for abs(): '" + PyOps.typeName(v) + "'");
            };
            case "round" -> DataFilters::round;
            case "ternary" -> (e, v, a) -> {
                a.require(0, "true_val", "false_val");
                Object none = a.get(2, "none_val", null);
                if (v == null && none != null) return none;
                return PyOps.truthy(v) ? a.get(0, "true_val") : a.get(1, "false_val");
            };
            case "type_debug" -> (e, v, a) -> v instanceof Markup ? "Markup" : v instanceof CollectionFilters.Group ? "_GroupTuple" : PyOps.typeName(v);
            case "to_uuid" -> (e, v, a) -> {
                Object ns = a.get(0, "namespace", null);
                UUID namespace;
                try {
                    namespace = ns == null ? ANSIBLE_NAMESPACE : UUID.fromString(PyOps.str(ns));
                } catch (IllegalArgumentException ex) {
                    throw new EvalError("Invalid value '" + PyOps.str(ns) + "' for 'namespace': badly formed hexadecimal UUID string");
                }
                return uuid5(namespace, PyOps.str(v));
            };
            default -> null;
        };
    }

    /** Jinja2's int filter: int(text, base), else int(float(value)), else the default. */
    static Object toInt(Object v, Object def, Object base) {
        try {
            if (v instanceof CharSequence s) return parseInt(s.toString(), base);
            if (v instanceof Boolean b) return b ? 1L : 0L;
            if (PyOps.isInt(v)) return v;
            if (v instanceof Double d) return truncate(d);
        } catch (NumberFormatException | EvalError ex) {
            // fall back to int(float(value)) as Jinja2 does
        }
        Double d = toFloat(v);
        if (d == null || d.isNaN()) return def;
        return truncate(d);
    }

    private static Object truncate(double d) {
        if (Double.isInfinite(d)) throw new EvalError("cannot convert float infinity to integer");
        return PyOps.norm(new BigDecimal(d).toBigInteger());
    }

    /** Python's {@code int(text, base)}: whitespace, a sign, underscores between digits, a 0x/0o/0b prefix matching the base. */
    private static Object parseInt(String text, Object baseArg) {
        if (!PyOps.isInt(baseArg)) throw new NumberFormatException();
        int base = (int) PyOps.asLong(baseArg);
        if (base == 10 && !text.isEmpty() && text.length() < 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) return Long.parseLong(text);
        String s = text.strip().toLowerCase(Locale.ROOT);
        boolean neg = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            neg = s.startsWith("-");
            s = s.substring(1);
        }
        if (base == 0) {
            if (s.startsWith("0x")) base = 16;
            else if (s.startsWith("0o")) base = 8;
            else if (s.startsWith("0b")) base = 2;
            else base = 10;
        }
        if (base < 2 || base > 36) throw new NumberFormatException();
        if ((base == 16 && s.startsWith("0x")) || (base == 8 && s.startsWith("0o")) || (base == 2 && s.startsWith("0b"))) s = s.substring(2);
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) throw new NumberFormatException();
        BigInteger b = new BigInteger(s.replace("_", ""), base);
        return PyOps.norm(neg ? b.negate() : b);
    }

    /** Python's {@code float(value)}, or null when it raises. */
    static Double toFloat(Object v) {
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        if (PyOps.isNumber(v)) return PyOps.asDouble(v);
        if (!(v instanceof CharSequence cs)) return null;
        String s = cs.toString().strip().toLowerCase(Locale.ROOT);
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        double sign = s.startsWith("-") ? -1 : 1;
        if (t.equals("inf") || t.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (t.equals("nan")) return Double.NaN;
        if (!t.matches("(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[+-]?\\d(_?\\d)*)?") || t.isEmpty() || t.equals(".") || t.startsWith("e") || t.startsWith(".e")) {
            return null;
        }
        return sign * Double.parseDouble(t.replace("_", ""));
    }

    /** Jinja2's {@code round(precision=0, method='common')}: Python's round (ties to even) or floor/ceil at the precision. */
    private static Object round(Env e, Object v, Fn.Args a) {
        long precision = a.integer(0, "precision", 0);
        String method = a.str(1, "method", "common");
        if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
            throw new EvalError("method must be common, ceil or floor");
        }
        if (!PyOps.isNumber(v)) throw EvalError.type("type " + PyOps.typeName(v) + " doesn't define __round__ method");
        if (method.equals("common")) {
            if (PyOps.isInt(v)) {
                if (precision >= 0) return v instanceof Boolean b ? (b ? 1L : 0L) : v;
                BigDecimal r = new BigDecimal(PyOps.big(v)).setScale((int) precision, RoundingMode.HALF_EVEN);
                return PyOps.norm(r.toBigInteger());
            }
            double d = PyOps.asDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) return d;
            return new BigDecimal(d).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue();
        }
        double scale = Math.pow(10, precision);
        double x = PyOps.asDouble(v) * scale;
        double r = method.equals("ceil") ? Math.ceil(x) : Math.floor(x);
        return r / scale;
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1), as Python's {@code uuid.uuid5}. */
    static String uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String repr(Object v) {
        return Py.repr(v);
    }
}
