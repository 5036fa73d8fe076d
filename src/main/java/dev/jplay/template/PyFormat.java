package dev.jplay.template;

import dev.jplay.data.Py;
import dev.jplay.data.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code %} string formatting and {@code str.format}, with Python's rounding and errors. */
final class PyFormat {
    private static final Pattern SPEC = Pattern.compile("^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?$");

    private PyFormat() {}

    // ---- % formatting ----------------------------------------------------------------------------------------

    /** {@code fmt % args}: a tuple gives the positional values, a dict the {@code %(name)s} ones, anything else is one value. */
    static String percent(String fmt, Object args) {
        List<?> list = args instanceof Tuple t ? t : null;
        Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
        StringBuilder sb = new StringBuilder();
        int next = 0;
        boolean usedNamed = false;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (++i >= n) throw new EvalError("incomplete format");
            Object value = null;
            boolean haveValue = false;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0) throw new EvalError("incomplete format key");
                if (named == null) throw EvalError.type("format requires a mapping");
                String key = fmt.substring(i + 1, close);
                if (!named.containsKey(key)) throw new EvalError(Py.repr(key));
                value = named.get(key);
                haveValue = true;
                usedNamed = true;
                i = close + 1;
            }
            int specStart = i;
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) i++;
            String flags = fmt.substring(specStart, i);
            int width = -1;
            int start = i;
            if (i < n && fmt.charAt(i) == '*') {
                width = (int) PyOps.index(positional(list, args, next++));
                i++;
            } else {
                while (i < n && Character.isDigit(fmt.charAt(i))) i++;
                if (i > start) width = Integer.parseInt(fmt.substring(start, i));
            }
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                start = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) i++;
                precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
            }
            if (i >= n) throw new EvalError("incomplete format");
            char conv = fmt.charAt(i);
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            if (!haveValue) value = named != null && list == null ? args : positional(list, args, next++);
            sb.append(convert(conv, flags, width, precision, value));
        }
        int available = list != null ? list.size() : named != null ? 0 : 1;
        if (!usedNamed && named == null && next < available) throw EvalError.type("not all arguments converted during string formatting");
        if (named != null && !usedNamed && next == 0 && !(args instanceof Map<?, ?> m2 && m2.isEmpty())) {
            throw EvalError.type("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static Object positional(List<?> list, Object args, int i) {
        if (list == null) {
            if (i == 0) return args;
            throw EvalError.type("not enough arguments for format string");
        }
        if (i >= list.size()) throw EvalError.type("not enough arguments for format string");
        return list.get(i);
    }

    private static String convert(char conv, String flags, int width, int precision, Object v) {
        boolean left = flags.contains("-");
        boolean zero = flags.contains("0") && !left;
        String body;
        switch (conv) {
            case 's', 'r', 'a' -> {
                body = conv == 's' ? PyOps.str(v) : Py.repr(v);
                if (precision >= 0 && body.length() > precision) body = body.substring(0, precision);
                return pad(body, width, left, false, "");
            }
            case 'c' -> {
                if (v instanceof CharSequence s && s.length() == 1) body = s.toString();
                else if (PyOps.isInt(v)) body = new String(Character.toChars((int) PyOps.asLong(v)));
                else throw EvalError.type("%c requires int or char");
                return pad(body, width, left, false, "");
            }
            case 'd', 'i', 'u', 'o', 'x', 'X' -> {
                if (!PyOps.isNumber(v)) {
                    String what = conv == 'o' || conv == 'x' || conv == 'X' ? "%" + conv + " format: an integer is required, not "
                            : "%" + conv + " format: a real number is required, not ";
                    throw EvalError.type(what + PyOps.typeName(v));
                }
                if (v instanceof Double && (conv == 'o' || conv == 'x' || conv == 'X')) {
                    throw EvalError.type("%" + conv + " format: an integer is required, not float");
                }
                BigInteger b = v instanceof Double d ? new BigDecimal(d).toBigInteger() : PyOps.big(v);
                String digits = switch (conv) {
                    case 'o' -> b.abs().toString(8);
                    case 'x' -> b.abs().toString(16);
                    case 'X' -> b.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
                    default -> b.abs().toString();
                };
                if (precision > digits.length()) digits = "0".repeat(precision - digits.length()) + digits;
                String prefix = flags.contains("#") ? (conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "") : "";
                return pad(prefix + digits, width, left, zero, sign(b.signum() < 0, flags));
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                Double d = v instanceof CharSequence ? null : PyOps.isNumber(v) ? PyOps.asDouble(v) : null;
                if (d == null) throw EvalError.type("must be real number, not " + PyOps.typeName(v));
                String s = floating(Math.abs(d), conv, precision < 0 ? 6 : precision, flags.contains("#"));
                return pad(s, width, left, zero && !Double.isInfinite(d) && !Double.isNaN(d), sign(d < 0 || (d == 0 && 1 / d < 0), flags));
            }
            default -> throw new EvalError("unsupported format character '" + conv + "' (0x" + Integer.toHexString(conv) + ")");
        }
    }

    private static String sign(boolean negative, String flags) {
        if (negative) return "-";
        if (flags.contains("+")) return "+";
        if (flags.contains(" ")) return " ";
        return "";
    }

    private static String pad(String body, int width, boolean left, boolean zero, String sign) {
        int len = body.length() + sign.length();
        if (width <= len) return sign + body;
        if (left) return sign + body + " ".repeat(width - len);
        if (zero) return sign + "0".repeat(width - len) + body;
        return " ".repeat(width - len) + sign + body;
    }

    /** A non-negative float in e, f or g notation with Python's rounding (the exact binary value, half to even). */
    static String floating(double x, char conv, int precision, boolean alt) {
        boolean upper = Character.isUpperCase(conv);
        if (Double.isNaN(x)) return upper ? "NAN" : "nan";
        if (Double.isInfinite(x)) return upper ? "INF" : "inf";
        char c = Character.toLowerCase(conv);
        String out;
        if (c == 'f') {
            out = new BigDecimal(x).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
            if (alt && precision == 0) out += ".";
        } else if (c == 'e') {
            out = exponent(x, precision, alt);
        } else {
            int p = precision == 0 ? 1 : precision;
            int exp = x == 0 ? 0 : new BigDecimal(x).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN)).precision()
                    - new BigDecimal(x).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN)).scale() - 1;
            if (exp < -4 || exp >= p) {
                out = exponent(x, p - 1, alt);
                if (!alt) out = out.replaceAll("\\.?0+e", "e");
            } else {
                out = new BigDecimal(x).setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
                if (!alt && out.contains(".")) out = out.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        }
        return upper ? out.toUpperCase(java.util.Locale.ROOT) : out;
    }

    private static String exponent(double x, int precision, boolean alt) {
        if (x == 0) return "0" + (precision > 0 ? "." + "0".repeat(precision) : alt ? "." : "") + "e+00";
        BigDecimal d = new BigDecimal(x).round(new java.math.MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exp = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().toString();
        digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        String mant = digits.charAt(0) + (precision > 0 ? "." + digits.substring(1) : alt ? "." : "");
        return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    // ---- str.format ------------------------------------------------------------------------------------------

    /** {@code fmt.format(*args, **kw)}: auto, numbered and named fields, {@code .attr} and {@code [key]}, !r/!s, format specs. */
    static String format(String fmt, List<Object> args, Map<String, Object> kw) {
        StringBuilder sb = new StringBuilder();
        int[] auto = {0};
        Boolean[] manual = {null};
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '}') {
                throw new EvalError("Single '}' encountered in format string");
            } else if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < fmt.length() && depth > 0) {
                    if (fmt.charAt(j) == '{') depth++;
                    else if (fmt.charAt(j) == '}') depth--;
                    if (depth > 0) j++;
                }
                if (j >= fmt.length()) throw new EvalError("Single '{' encountered in format string");
                sb.append(field(fmt.substring(i + 1, j), args, kw, auto, manual));
                i = j;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String field(String field, List<Object> args, Map<String, Object> kw, int[] auto, Boolean[] manual) {
        String spec = "";
        String conversion = null;
        int colon = field.indexOf(':');
        if (colon >= 0) {
            spec = field.substring(colon + 1);
            field = field.substring(0, colon);
        }
        int bang = field.indexOf('!');
        if (bang >= 0) {
            conversion = field.substring(bang + 1);
            field = field.substring(0, bang);
        }
        Matcher m = Pattern.compile("^([^.\\[]*)(.*)$").matcher(field);
        m.matches();
        String first = m.group(1);
        Object v;
        if (first.isEmpty()) {
            if (Boolean.TRUE.equals(manual[0])) throw new EvalError("cannot switch from manual field specification to automatic field numbering");
            manual[0] = false;
            int i = auto[0]++;
            if (i >= args.size()) throw new EvalError("Replacement index " + i + " out of range for positional args tuple");
            v = args.get(i);
        } else if (first.chars().allMatch(Character::isDigit)) {
            if (Boolean.FALSE.equals(manual[0])) throw new EvalError("cannot switch from automatic field numbering to manual field specification");
            manual[0] = true;
            int i = Integer.parseInt(first);
            if (i >= args.size()) throw new EvalError("Replacement index " + i + " out of range for positional args tuple");
            v = args.get(i);
        } else {
            if (!kw.containsKey(first)) throw new EvalError(Py.repr(first));
            v = kw.get(first);
        }
        Matcher acc = Pattern.compile("\\.(\\w+)|\\[([^\\]]*)\\]").matcher(m.group(2));
        while (acc.find()) {
            if (acc.group(1) != null) {
                v = PyOps.getattr(v, acc.group(1));
            } else {
                String key = acc.group(2);
                v = key.chars().allMatch(Character::isDigit) && v instanceof List ? PyOps.getitem(v, Long.parseLong(key)) : PyOps.getitem(v, key);
            }
            if (v instanceof Undefined u) throw new EvalError(u.message());
        }
        if (conversion != null) {
            v = switch (conversion) {
                case "r", "a" -> Py.repr(v);
                case "s" -> PyOps.str(v);
                default -> throw new EvalError("Unknown conversion specifier " + conversion);
            };
        }
        if (spec.contains("{")) spec = format(spec, args, kw);
        return formatSpec(v, spec);
    }

    /** Python's format-spec mini-language for one value. */
    static String formatSpec(Object v, String spec) {
        if (spec.isEmpty()) return PyOps.str(v);
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) throw new EvalError("Invalid format specifier");
        String fill = m.group(1) != null ? m.group(1) : m.group(5) != null && m.group(2) == null ? "0" : " ";
        String align = m.group(2) != null ? m.group(2) : m.group(5) != null ? "=" : null;
        String signFlag = m.group(3) == null ? "" : m.group(3);
        boolean alt = m.group(4) != null;
        int width = m.group(6) == null ? -1 : Integer.parseInt(m.group(6));
        String grouping = m.group(7);
        int precision = m.group(8) == null ? -1 : Integer.parseInt(m.group(8));
        String type = m.group(9);
        boolean numeric = PyOps.isNumber(v);
        String body;
        boolean negative = false;
        if (type == null && !numeric || "s".equals(type)) {
            if (!(v instanceof CharSequence) && "s".equals(type)) throw new EvalError("Unknown format code 's' for object of type '" + PyOps.typeName(v) + "'");
            body = PyOps.str(v);
            if (precision >= 0 && body.length() > precision) body = body.substring(0, precision);
            if (align == null) align = "<";
        } else {
            if (!numeric) throw new EvalError("Unknown format code '" + type + "' for object of type '" + PyOps.typeName(v) + "'");
            char t = type == null ? (PyOps.isInt(v) ? 'd' : 'g') : type.charAt(0);
            if ("bcdoxXn".indexOf(t) >= 0 && !PyOps.isInt(v)) throw new EvalError("Unknown format code '" + t + "' for object of type 'float'");
            if (PyOps.isInt(v) && "eEfFgG%".indexOf(t) < 0) {
                BigInteger b = PyOps.big(v);
                negative = b.signum() < 0;
                body = switch (t) {
                    case 'b' -> (alt ? "0b" : "") + b.abs().toString(2);
                    case 'o' -> (alt ? "0o" : "") + b.abs().toString(8);
                    case 'x' -> (alt ? "0x" : "") + b.abs().toString(16);
                    case 'X' -> (alt ? "0X" : "") + b.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
                    case 'c' -> new String(Character.toChars(b.intValue()));
                    default -> b.abs().toString();
                };
            } else {
                double d = PyOps.asDouble(v);
                negative = d < 0;
                double x = Math.abs(d);
                if (t == '%') body = floating(x * 100, 'f', precision < 0 ? 6 : precision, alt) + "%";
                else if (type == null) body = precision < 0 ? Py.floatRepr(x) : floating(x, 'g', precision, alt);
                else body = floating(x, t, precision < 0 ? 6 : precision, alt);
            }
            if (grouping != null) body = group(body, grouping.charAt(0));
            if (align == null) align = ">";
        }
        String sign = negative ? "-" : signFlag.equals("+") ? "+" : signFlag.equals(" ") ? " " : "";
        int len = body.length() + sign.length();
        if (width <= len) return sign + body;
        int padding = width - len;
        return switch (align) {
            case "<" -> sign + body + fill.repeat(padding);
            case "^" -> fill.repeat(padding / 2) + sign + body + fill.repeat(padding - padding / 2);
            case "=" -> sign + fill.repeat(padding) + body;
            default -> fill.repeat(padding) + sign + body;
        };
    }

    private static String group(String number, char sep) {
        int dot = number.indexOf('.');
        String intPart = dot < 0 ? number : number.substring(0, dot);
        String rest = dot < 0 ? "" : number.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) sb.append(sep);
            sb.append(intPart.charAt(i));
        }
        return sb + rest;
    }
}
