package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} as Ansible applies it to rendered text that looks like a list, dict or boolean:
 * Python literals, plus JSON's {@code true}, {@code false} and {@code null} ({@link #eval}); or exactly as Python
 * reads them, as jinja2_native's concat does ({@link #evalPython}).
 */
final class PyLiteral {
    /** Returned when the text is not a literal. */
    static final Object NOT_LITERAL = new Object();

    private PyLiteral() {}

    static Object eval(String text) {
        return eval(text, false);
    }

    /** Python's literal_eval of {@code text}: no JSON names; leading blanks are an error (an unexpected indent). */
    static Object evalPython(String text) {
        if (text.startsWith(" ") || text.startsWith("\t") || text.startsWith("\f")) return NOT_LITERAL;
        return eval(text, true);
    }

    private static Object eval(String text, boolean python) {
        try {
            return value(ExprParser.parseWhole(text, new ArrayList<>(), true), python);
        } catch (ParseError | NotLiteral e) {
            return NOT_LITERAL;
        }
    }

    private static final class NotLiteral extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static Object value(Node n, boolean python) {
        if (n instanceof Node.Const c) {
            if (c.literal() || !python && c.value() instanceof Boolean) return c.value();
            throw new NotLiteral();
        }
        if (!python && n instanceof Node.Var v && v.name().equals("null")) return null;
        if (n instanceof Node.ListLit l) {
            List<Object> items = new ArrayList<>(l.items().size());
            for (Node i : l.items()) items.add(value(i, python));
            return l.tuple() ? Tuple.copyOf(items) : items;
        }
        if (n instanceof Node.DictLit d) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) m.put(PyOps.keyString(value(d.keys().get(i), python)), value(d.values().get(i), python));
            return m;
        }
        if (n instanceof Node.Unary u && !u.op().equals("not") && u.operand() instanceof Node.Const c && PyOps.isNumber(c.value())
                && !(c.value() instanceof Boolean)) {
            return u.op().equals("-") ? PyOps.neg(c.value()) : c.value();
        }
        throw new NotLiteral();
    }
}
