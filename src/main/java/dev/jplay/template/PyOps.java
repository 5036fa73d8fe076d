package dev.jplay.template;

import dev.jplay.data.Py;
import dev.jplay.data.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's semantics for the values templates handle: truthiness, equality, ordering, arithmetic, indexing, with
 * Python's error messages (type errors marked as such).
 */
final class PyOps {
    private PyOps() {}

    /**
     * Python's {@code str.isspace} for one character (what {@code str.strip()}, {@code split()} and Jinja2's
     * {@code \\s} skip): Java's whitespace plus the Unicode spaces it leaves out (no-break spaces) and NEL.
     */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** A run of {@link #isSpace} characters, as a regular expression. */
    static final String SPACES = "[\\s\\x1c-\\x1f\\x85\\p{Z}]+";

    static Object fail(Undefined u) {
        throw EvalError.undefined(u, -1);
    }

    static boolean truthy(Object v) {
        if (v instanceof Undefined u) {
            if (u.isLenient()) return false;
            fail(u);
        }
        return Templar.truthy(v);
    }

    /** Python's {@code str()}; fails on a strict Undefined, also one inside a list or dict. */
    static String str(Object v) {
        if (v instanceof CharSequence s) return s.toString();
        if (v instanceof Long l) return Long.toString(l);
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Undefined u) {
            if (u.isLenient()) return "";
            fail(u);
        }
        if (v instanceof Collection || v instanceof Map) checkDefined(v, 0);
        return Py.str(v);
    }

    private static void checkDefined(Object v, int depth) {
        if (depth > 200) return;
        if (v instanceof Undefined u && !u.isLenient()) fail(u);
        if (v instanceof Collection<?> c) for (Object o : c) checkDefined(o, depth + 1);
        else if (v instanceof Map<?, ?> m) for (Object o : m.values()) checkDefined(o, depth + 1);
    }

    static String keyString(Object k) {
        return k instanceof CharSequence s ? s.toString() : Py.str(k);
    }

    static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Double || v instanceof Float) return "float";
        if (v instanceof Number) return "int";
        if (v instanceof CharSequence) return "str";
        if (v instanceof Map) return "dict";
        if (v instanceof Tuple) return "tuple";
        if (v instanceof List || v instanceof Collection) return "list";
        if (v instanceof Undefined u) return u.isLenient() ? "Undefined" : "AnsibleUndefined";
        if (v instanceof CryptFilters.Wrapped) return "AnsibleVaultEncryptedUnicode";
        if (v instanceof PyTime.DateTime) return "datetime";
        if (v instanceof PyTime.Delta) return "timedelta";
        if (v instanceof Macro) return "Macro";
        if (v instanceof PyCallable) return "function";
        return v.getClass().getSimpleName();
    }

    /** Whether Python could hash the value: not a list or dict, nor a tuple holding one. */
    static boolean hashable(Object v) {
        if (v instanceof Tuple t) {
            for (Object o : t) if (!hashable(o)) return false;
            return true;
        }
        return !(v instanceof List) && !(v instanceof Map);
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean || v instanceof Short;
    }

    static boolean isNumber(Object v) {
        return isInt(v) || v instanceof Double || v instanceof Float;
    }

    /** Python's {@code operator.index}: an int or bool as a long. */
    static long index(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger b) return b.longValue();
        if (isInt(v)) return ((Number) v).longValue();
        throw EvalError.type("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }

    static long asLong(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return n.longValue();
        throw EvalError.type("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }

    static double asDouble(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return n.doubleValue();
        throw EvalError.type("must be real number, not " + typeName(v));
    }

    static BigInteger big(Object v) {
        if (v instanceof BigInteger b) return b;
        return BigInteger.valueOf(asLong(v));
    }

    static Object norm(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    // ---- attribute and item access -------------------------------------------------------------------------

    /** {@code obj.name}: an attribute or method first, then an item (Jinja2's getattr). */
    static Object getattr(Object obj, String name) {
        if (obj instanceof Undefined) return obj;
        if (obj instanceof Attributes a) return a.attribute(name);
        if (obj instanceof Map<?, ?> m) {
            if (PyMethods.isMethod(obj, name)) return new PyMethods.Bound(obj, name);
            if (m.containsKey(name)) return m.get(name);
            return Undefined.attribute(obj, "dict object", name);
        }
        if (PyMethods.isMethod(obj, name)) return new PyMethods.Bound(obj, name);
        if (obj == null) return Undefined.item(null, name, "'None' has no attribute '" + name + "'");
        return Undefined.attribute(obj, typeName(obj) + " object", name);
    }

    /** {@code obj[key]}: an item first, then an attribute (Jinja2's getitem). */
    static Object getitem(Object obj, Object key) {
        if (obj instanceof Undefined) return obj;
        if (key instanceof Undefined u) fail(u);
        if (obj instanceof Map<?, ?> m) {
            String k = keyString(key);
            if (m.containsKey(k)) return m.get(k);
            if (key instanceof String s && PyMethods.isMethod(obj, s)) return new PyMethods.Bound(obj, s);
            return Undefined.attribute(obj, "dict object", k);
        }
        if (obj instanceof Attributes a && key instanceof CharSequence s) return a.attribute(s.toString());
        if ((obj instanceof List || obj instanceof CharSequence) && isInt(key)) {
            int n = size(obj);
            long i = index(key);
            if (i < 0) i += n;
            if (i < 0 || i >= n) return Undefined.item(obj, key, typeName(obj) + " object has no element " + index(key));
            return obj instanceof List<?> l ? l.get((int) i) : String.valueOf(((CharSequence) obj).charAt((int) i));
        }
        if (key instanceof CharSequence s) return getattr(obj, s.toString());
        if (obj == null) return Undefined.item(null, key, "None has no element " + Py.repr(key));
        return Undefined.item(obj, key, typeName(obj) + " object has no element " + Py.repr(key));
    }

    static int size(Object v) {
        if (v instanceof CharSequence s) return s.length();
        if (v instanceof Collection<?> c) return c.size();
        if (v instanceof Map<?, ?> m) return m.size();
        if (v instanceof CryptFilters.Wrapped w) return w.ciphertext().length();
        if (v instanceof Undefined u) {
            if (u.isLenient()) return 0;
            fail(u);
        }
        throw EvalError.type("object of type '" + typeName(v) + "' has no len()");
    }

    static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof Undefined u) fail(u);
        for (Object o : new Object[] {start, stop, step}) {
            if (o != null && !isInt(o)) throw EvalError.type("slice indices must be integers or None or have an __index__ method");
        }
        int n = size(obj);
        int st = step == null ? 1 : (int) index(step);
        if (st == 0) throw new EvalError("slice step cannot be zero");
        int a;
        int b;
        if (st > 0) {
            a = start == null ? 0 : clamp(index(start), n, 0, n);
            b = stop == null ? n : clamp(index(stop), n, 0, n);
        } else {
            a = start == null ? n - 1 : clamp(index(start), n, -1, n - 1);
            b = stop == null ? -1 : clamp(index(stop), n, -1, n - 1);
        }
        List<Object> items = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = a; st > 0 ? i < b : i > b; i += st) {
            if (obj instanceof CharSequence s) sb.append(s.charAt(i));
            else items.add(((List<?>) obj).get(i));
        }
        if (obj instanceof CharSequence) return sb.toString();
        return obj instanceof Tuple ? Tuple.copyOf(items) : items;
    }

    private static int clamp(long i, int n, int lo, int hi) {
        if (i < 0) i += n;
        return (int) Math.max(lo, Math.min(hi, i));
    }

    /** The items a for-loop or filter iterates: list items, dict keys, string characters. A new, changeable list. */
    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v instanceof Map<?, ?> m) return new ArrayList<>(m.keySet());
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v instanceof CharSequence s) {
            List<Object> out = new ArrayList<>();
            s.toString().codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        if (v instanceof Undefined u) {
            if (u.isLenient()) return new ArrayList<>();
            fail(u);
        }
        throw EvalError.type("'" + typeName(v) + "' object is not iterable");
    }

    static boolean iterable(Object v) {
        return v instanceof Collection || v instanceof Map || v instanceof CharSequence;
    }

    // ---- operators ----------------------------------------------------------------------------------------

    static Object neg(Object v) {
        if (v instanceof Undefined u) fail(u);
        if (v instanceof Double d) return -d;
        if (isInt(v)) return norm(big(v).negate());
        if (v instanceof PyTime.Delta d) return d.negate();
        throw EvalError.type("bad operand type for unary -: '" + typeName(v) + "'");
    }

    static Object pos(Object v) {
        if (v instanceof Undefined u) fail(u);
        if (isNumber(v)) return v instanceof Boolean ? asLong(v) : v;
        throw EvalError.type("bad operand type for unary +: '" + typeName(v) + "'");
    }

    static Object binary(String op, Object a, Object b) {
        if (a instanceof Undefined u) fail(u);
        if (b instanceof Undefined u) fail(u);
        switch (op) {
            case "~":
                return str(a) + str(b);
            case "+":
                if (a instanceof CharSequence && b instanceof CharSequence) return a.toString() + b;
                if (a instanceof Tuple x && b instanceof Tuple y) return Tuple.copyOf(concat(x, y));
                if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof Tuple) && !(b instanceof Tuple)) return concat(x, y);
                if (a instanceof CharSequence || a instanceof List) {
                    String t = typeName(a);
                    throw EvalError.type("can only concatenate " + t + " (not \"" + typeName(b) + "\") to " + t);
                }
                break;
            case "*":
                if (a instanceof CharSequence s && isInt(b)) return s.toString().repeat((int) Math.max(0, asLong(b)));
                if (b instanceof CharSequence s && isInt(a)) return s.toString().repeat((int) Math.max(0, asLong(a)));
                if (a instanceof List<?> l && isInt(b)) return repeat(l, asLong(b));
                if (b instanceof List<?> l && isInt(a)) return repeat(l, asLong(a));
                if (a instanceof CharSequence || a instanceof List) throw EvalError.type("can't multiply sequence by non-int of type '" + typeName(b) + "'");
                break;
            case "%":
                if (a instanceof CharSequence s) return PyFormat.percent(s.toString(), b);
                break;
            default:
                break;
        }
        if (isNumber(a) && isNumber(b)) return arithmetic(op, a, b);
        if (a instanceof PyTime.Arith x) {
            Object r = x.binary(op, b);
            if (r != null) return r;
        }
        throw EvalError.type("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static List<Object> concat(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>(x.size() + y.size());
        out.addAll(x);
        out.addAll(y);
        return out;
    }

    private static Object repeat(List<?> l, long n) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) out.addAll(l);
        return l instanceof Tuple ? Tuple.copyOf(out) : out;
    }

    private static Object arithmetic(String op, Object a, Object b) {
        if (op.equals("/")) {
            if (asDouble(b) == 0) throw new EvalError("division by zero");
            return asDouble(a) / asDouble(b);
        }
        if (isInt(a) && isInt(b)) {
            BigInteger x = big(a);
            BigInteger y = big(b);
            switch (op) {
                case "+": return norm(x.add(y));
                case "-": return norm(x.subtract(y));
                case "*": return norm(x.multiply(y));
                case "//":
                case "%": {
                    if (y.signum() == 0) throw new EvalError(op.equals("%") ? "integer modulo by zero" : "integer division or modulo by zero");
                    BigInteger[] qr = x.divideAndRemainder(y);
                    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                        qr[0] = qr[0].subtract(BigInteger.ONE);
                        qr[1] = qr[1].add(y);
                    }
                    return norm(op.equals("//") ? qr[0] : qr[1]);
                }
                case "**":
                    if (y.signum() >= 0) {
                        if (y.bitLength() > 31 || (long) x.bitLength() * y.longValue() > 1_000_000) {
                            throw new EvalError("exponent too large (the result would have more than a million bits)");
                        }
                        return norm(x.pow(y.intValueExact()));
                    }
                    if (x.signum() == 0) throw new EvalError("0.0 cannot be raised to a negative power");
                    return Math.pow(x.doubleValue(), y.doubleValue());
                default:
                    break;
            }
        }
        double x = asDouble(a);
        double y = asDouble(b);
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "//" -> {
                if (y == 0) throw new EvalError("float floor division by zero");
                yield Math.floor(x / y);
            }
            case "%" -> {
                if (y == 0) throw new EvalError("float modulo");
                double r = x % y;
                yield r != 0 && (r < 0) != (y < 0) ? r + y : r;
            }
            case "**" -> {
                if (x == 0 && y < 0) throw new EvalError("0.0 cannot be raised to a negative power");
                yield Math.pow(x, y);
            }
            default -> throw new EvalError("unknown operator " + op);
        };
    }

    static boolean compare(String op, Object a, Object b) {
        switch (op) {
            case "==": return eq(a, b);
            case "!=": return !eq(a, b);
            case "in": return contains(b, a);
            case "not in": return !contains(b, a);
            default: break;
        }
        if (a instanceof Undefined u) fail(u);
        if (b instanceof Undefined u) fail(u);
        int c = order(a, b, op);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /** Python's ordering of {@code a} and {@code b}; {@code op} names the operator in the error for unorderable types. */
    static int order(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return big(a).compareTo(big(b));
            return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) return x.toString().compareTo(y.toString());
        if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof Tuple) == (b instanceof Tuple)) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!eq(x.get(i), y.get(i))) return order(x.get(i), y.get(i), op);
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof PyTime.Arith x && x.comparable(b)) return x.compareTo(b);
        throw EvalError.type("'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    static boolean eq(Object a, Object b) {
        if (a instanceof Undefined u) fail(u);
        if (b instanceof Undefined u) fail(u);
        if (a == null || b == null) return a == b;
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return big(a).equals(big(b));
            return asDouble(a) == asDouble(b);
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) return x.toString().equals(y.toString());
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if ((a instanceof Tuple) != (b instanceof Tuple) || x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!eq(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (var e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !eq(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof Undefined u) fail(u);
        if (item instanceof Undefined u) fail(u);
        if (container instanceof CharSequence s) {
            if (!(item instanceof CharSequence i)) {
                throw EvalError.type("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.toString().contains(i);
        }
        if (container instanceof Map<?, ?> m) return m.containsKey(keyString(item));
        if (container instanceof Collection<?> c) {
            for (Object o : c) if (eq(o, item)) return true;
            return false;
        }
        throw EvalError.type("argument of type '" + typeName(container) + "' is not iterable");
    }
}
