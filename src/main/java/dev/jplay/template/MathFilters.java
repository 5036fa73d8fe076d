package dev.jplay.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Math filters: log, pow, root (Python's math module), human_readable, human_to_bytes, filesizeformat. */
final class MathFilters {
    private static final Map<Character, Long> SIZES = new LinkedHashMap<>();
    private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

    static {
        char[] units = {'Y', 'Z', 'E', 'P', 'T', 'G', 'M', 'K', 'B'};
        int[] shifts = {80, 70, 60, 50, 40, 30, 20, 10, 0};
        for (int i = 0; i < units.length; i++) SIZES.put(units[i], shifts[i] >= 63 ? -shifts[i] : 1L << shifts[i]);
    }

    private MathFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "log" -> (e, v, a) -> {
                double x = number("log", v);
                boolean natural = !a.has(0, "base");
                Object baseArg = a.get(0, "base", Math.E);
                double base = number("log", baseArg);
                if (x <= 0 || (base <= 0)) throw new EvalError("math domain error");
                if (PyOps.eq(baseArg, 10L)) return Math.log10(x);
                if (base == 1) throw new EvalError("float division by zero");
                return natural ? Math.log(x) : Math.log(x) / Math.log(base);
            };
            case "pow" -> (e, v, a) -> {
                double x = number("pow", v);
                double y = number("pow", a.get(0, "y"));
                if (x == 0 && y < 0) throw new EvalError("math domain error");
                double r = Math.pow(x, y);
                if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw new EvalError("math domain error");
                if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) throw new EvalError("math range error");
                return r;
            };
            case "root" -> (e, v, a) -> {
                Object baseArg = a.get(0, "base", 2L);
                double x = number("root", v);
                if (PyOps.eq(baseArg, 2L)) {
                    if (x < 0) throw EvalError.type("root() can only be used on numbers: math domain error");
                    return Math.sqrt(x);
                }
                Double base = DataFilters.toFloat(baseArg);
                if (base == null) throw EvalError.type("root() can only be used on numbers: could not convert string to float: " + dev.jplay.data.Py.repr(baseArg));
                double r = Math.pow(x, 1.0 / base);
                if (Double.isNaN(r)) throw EvalError.type("root() can only be used on numbers: math domain error");
                return r;
            };
            case "human_readable" -> MathFilters::humanReadable;
            case "human_to_bytes" -> MathFilters::humanToBytes;
            case "filesizeformat" -> MathFilters::filesize;
            default -> null;
        };
    }

    /** A math function's argument: a number, else Ansible's type error naming the function. */
    private static double number(String fn, Object v) {
        if (PyOps.isNumber(v)) return PyOps.asDouble(v);
        throw EvalError.type(fn + "() can only be used on numbers: must be real number, not " + PyOps.typeName(v));
    }

    /** Python's {@code '%.Nf' % x}: the exact binary value rounded half to even. */
    static String fixed(double x, int digits) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Object humanReadable(Env e, Object v, Fn.Args a) {
        boolean bits = a.bool(0, "isbits", false);
        Object unit = a.get(1, "unit", null);
        if (!PyOps.isNumber(v)) {
            throw EvalError.type("human_readable() failed on bad input: '>=' not supported between instances of '" + PyOps.typeName(v) + "' and 'int'");
        }
        double size = PyOps.asDouble(v);
        String suffix = "B";
        double limit = 1;
        for (var s : SIZES.entrySet()) {
            suffix = String.valueOf(s.getKey());
            limit = s.getValue() < 0 ? Math.pow(2, -s.getValue()) : s.getValue();
            if ((unit == null && size >= limit) || (unit != null && PyOps.str(unit).toUpperCase(java.util.Locale.ROOT).startsWith(suffix))) break;
        }
        String base = bits ? "bits" : "Bytes";
        String label = limit != 1 ? suffix + base.charAt(0) : base;
        return fixed(size / limit, 2) + " " + label;
    }

    private static Object humanToBytes(Env e, Object v, Fn.Args a) {
        Object defaultUnit = a.get(0, "default_unit", null);
        boolean bits = a.bool(1, "isbits", false);
        String text = PyOps.str(v);
        Matcher m = HUMAN.matcher(text);
        if (!m.find()) throw new EvalError("human_to_bytes() can't interpret following string: " + text);
        double num;
        try {
            num = Double.parseDouble(m.group(1));
        } catch (NumberFormatException ex) {
            throw new EvalError("human_to_bytes() can't interpret following string: " + text);
        }
        String unit = m.group(2) != null ? m.group(2) : defaultUnit == null ? null : PyOps.str(defaultUnit);
        if (unit == null) return roundHalfEven(num);
        char key = Character.toUpperCase(unit.charAt(0));
        Long limit = SIZES.get(key);
        if (limit == null) throw new EvalError("human_to_bytes() can't interpret following string: " + text);
        if (unit.length() > 1) {
            String cls = bits ? "b" : "B";
            String clsName = bits ? "bit" : "byte";
            if (!unit.toLowerCase(java.util.Locale.ROOT).contains(clsName) && !String.valueOf(unit.charAt(1)).equals(cls)) {
                throw new EvalError("human_to_bytes() can't interpret following string: " + text);
            }
        }
        double factor = limit < 0 ? Math.pow(2, -limit) : limit;
        return roundHalfEven(num * factor);
    }

    private static Object roundHalfEven(double x) {
        return PyOps.norm(new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
    }

    /** Jinja2's filesizeformat(binary=False): "1.0 kB" (or "1.0 KiB"), "1 Byte", "12 Bytes". */
    private static Object filesize(Env e, Object v, Fn.Args a) {
        Double bytes = v instanceof CharSequence ? DataFilters.toFloat(v) : PyOps.isNumber(v) ? PyOps.asDouble(v) : null;
        if (bytes == null) throw new EvalError("could not convert string to float: " + dev.jplay.data.Py.repr(v));
        boolean binary = a.bool(0, "binary", false);
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) return "1 Byte";
        if (bytes < base) return (long) (double) bytes + " Bytes";
        double unit = 0;
        String prefix = "";
        for (int i = 0; i < prefixes.length; i++) {
            unit = Math.pow(base, i + 2);
            prefix = prefixes[i];
            if (bytes < unit) break;
        }
        return fixed(base * bytes / unit, 1) + " " + prefix;
    }
}
