package dev.jplay.template;

import dev.jplay.data.Py;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's semantics for the values templates handle: truthiness, equality, ordering, arithmetic, indexing. */
final class PyOps {
    private PyOps() {}

    static Object fail(Undefined u) {
        throw new EvalError(u.message());
    }

    static boolean truthy(Object v) {
        if (v instanceof Undefined u) fail(u);
        return Templar.truthy(v);
    }

    static String str(Object v) {
        if (v instanceof Undefined u) fail(u);
        return Py.str(v);
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
        if (v instanceof List || v instanceof Collection) return "list";
        if (v instanceof Undefined) return "AnsibleUndefined";
        if (v instanceof PyCallable) return "function";
        return v.getClass().getSimpleName();
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean || v instanceof Short;
    }

    static boolean isNumber(Object v) {
        return isInt(v) || v instanceof Double || v instanceof Float;
    }

    static long asLong(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).longValue();
    }

    static double asDouble(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).doubleValue();
    }

    static BigInteger big(Object v) {
        if (v instanceof BigInteger b) return b;
        return BigInteger.valueOf(asLong(v));
    }

    static Object norm(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    // ---- attribute and item access -------------------------------------------------------------------------

    static Object getattr(Object obj, String name) {
        if (obj instanceof Undefined) return obj;
        if (obj instanceof Attributes a) return a.attribute(name);
        if (obj instanceof Map<?, ?> m) {
            if (PyMethods.isMethod(obj, name)) return new PyMethods.Bound(obj, name);
            if (m.containsKey(name)) return m.get(name);
            return Undefined.attribute("dict object", name);
        }
        if (PyMethods.isMethod(obj, name)) return new PyMethods.Bound(obj, name);
        if (obj instanceof List<?> l && name.matches("\\d+")) return getitem(l, Long.parseLong(name));
        return Undefined.attribute(typeName(obj) + " object", name);
    }

    static Object getitem(Object obj, Object key) {
        if (obj instanceof Undefined) return obj;
        if (key instanceof Undefined u) fail(u);
        if (obj instanceof Map<?, ?> m) {
            String k = keyString(key);
            if (m.containsKey(k)) return m.get(k);
            if (key instanceof String s && PyMethods.isMethod(obj, s)) return new PyMethods.Bound(obj, s);
            return Undefined.attribute("dict object", k);
        }
        if (obj instanceof Attributes a && key instanceof CharSequence s) return a.attribute(s.toString());
        if ((obj instanceof List || obj instanceof CharSequence) && isInt(key)) {
            int n = size(obj);
            long i = asLong(key);
            if (i < 0) i += n;
            if (i < 0 || i >= n) return Undefined.withMessage(typeName(obj) + " object has no element " + asLong(key));
            return obj instanceof List<?> l ? l.get((int) i) : String.valueOf(((CharSequence) obj).charAt((int) i));
        }
        if (key instanceof CharSequence s) return getattr(obj, s.toString());
        return Undefined.withMessage(typeName(obj) + " object has no element " + Py.str(key));
    }

    static int size(Object v) {
        if (v instanceof CharSequence s) return s.length();
        if (v instanceof Collection<?> c) return c.size();
        if (v instanceof Map<?, ?> m) return m.size();
        if (v instanceof Undefined u) fail(u);
        throw new EvalError("object of type '" + typeName(v) + "' has no len()");
    }

    static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof Undefined u) fail(u);
        int n = size(obj);
        int st = step == null ? 1 : (int) asLong(step);
        if (st == 0) throw new EvalError("slice step cannot be zero");
        int a;
        int b;
        if (st > 0) {
            a = start == null ? 0 : clamp(asLong(start), n, 0, n);
            b = stop == null ? n : clamp(asLong(stop), n, 0, n);
        } else {
            a = start == null ? n - 1 : clamp(asLong(start), n, -1, n - 1);
            b = stop == null ? -1 : clamp(asLong(stop), n, -1, n - 1);
        }
        List<Object> items = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = a; st > 0 ? i < b : i > b; i += st) {
            if (obj instanceof CharSequence s) sb.append(s.charAt(i));
            else items.add(((List<?>) obj).get(i));
        }
        return obj instanceof CharSequence ? sb.toString() : items;
    }

    private static int clamp(long i, int n, int lo, int hi) {
        if (i < 0) i += n;
        return (int) Math.max(lo, Math.min(hi, i));
    }

    /** The items a for-loop or filter iterates: list items, dict keys, string characters. */
    static List<Object> iterate(Object v) {
        if (v instanceof Undefined u) fail(u);
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v instanceof Map<?, ?> m) return new ArrayList<>(m.keySet());
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v instanceof CharSequence s) {
            List<Object> out = new ArrayList<>();
            s.toString().codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        throw new EvalError("'" + typeName(v) + "' object is not iterable");
    }

    // ---- operators ----------------------------------------------------------------------------------------

    static Object neg(Object v) {
        if (v instanceof Undefined u) fail(u);
        if (v instanceof Double d) return -d;
        if (isInt(v)) return norm(big(v).negate());
        throw new EvalError("bad operand type for unary -: '" + typeName(v) + "'");
    }

    static Object pos(Object v) {
        if (v instanceof Undefined u) fail(u);
        if (isNumber(v)) return v instanceof Boolean ? asLong(v) : v;
        throw new EvalError("bad operand type for unary +: '" + typeName(v) + "'");
    }

    static Object binary(String op, Object a, Object b) {
        if (a instanceof Undefined u) fail(u);
        if (b instanceof Undefined u) fail(u);
        switch (op) {
            case "~":
                return str(a) + str(b);
            case "+":
                if (a instanceof CharSequence && b instanceof CharSequence) return a.toString() + b;
                if (a instanceof List<?> x && b instanceof List<?> y) {
                    List<Object> out = new ArrayList<>(x);
                    out.addAll(y);
                    return out;
                }
                break;
            case "*":
                if (a instanceof CharSequence s && isInt(b)) return s.toString().repeat((int) Math.max(0, asLong(b)));
                if (b instanceof CharSequence s && isInt(a)) return s.toString().repeat((int) Math.max(0, asLong(a)));
                if (a instanceof List<?> l && isInt(b)) return repeat(l, asLong(b));
                break;
            case "%":
                if (a instanceof CharSequence s) return PyFormat.percent(s.toString(), b);
                break;
            default:
                break;
        }
        if (isNumber(a) && isNumber(b)) return arithmetic(op, a, b);
        throw new EvalError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static List<Object> repeat(List<?> l, long n) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < n; i++) out.addAll(l);
        return out;
    }

    private static Object arithmetic(String op, Object a, Object b) {
        boolean ints = isInt(a) && isInt(b);
        if (op.equals("/")) {
            if (asDouble(b) == 0) throw new EvalError("division by zero");
            return asDouble(a) / asDouble(b);
        }
        if (ints) {
            BigInteger x = big(a);
            BigInteger y = big(b);
            switch (op) {
                case "+": return norm(x.add(y));
                case "-": return norm(x.subtract(y));
                case "*": return norm(x.multiply(y));
                case "//":
                case "%": {
                    if (y.signum() == 0) throw new EvalError("integer division or modulo by zero");
                    BigInteger[] qr = x.divideAndRemainder(y);
                    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                        qr[0] = qr[0].subtract(BigInteger.ONE);
                        qr[1] = qr[1].add(y);
                    }
                    return norm(op.equals("//") ? qr[0] : qr[1]);
                }
                case "**":
                    if (y.signum() >= 0) return norm(x.pow(y.intValueExact()));
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
            case "**" -> Math.pow(x, y);
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

    static int order(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return big(a).compareTo(big(b));
            return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) return x.toString().compareTo(y.toString());
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!eq(x.get(i), y.get(i))) return order(x.get(i), y.get(i), op);
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new EvalError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
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
            if (x.size() != y.size()) return false;
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
                throw new EvalError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.toString().contains(i);
        }
        if (container instanceof Map<?, ?> m) return m.containsKey(keyString(item));
        if (container instanceof Collection<?> c) {
            for (Object o : c) if (eq(o, item)) return true;
            return false;
        }
        throw new EvalError("argument of type '" + typeName(container) + "' is not iterable");
    }
}
