package dev.jplay.template;

import java.util.List;

/** Python's {@code ast.literal_eval} for the rendered strings Ansible converts back into lists, dicts and booleans. */
final class PyLiteral {
    /** Returned when the text is not a Python literal. */
    static final Object NOT_LITERAL = new Object();

    private PyLiteral() {}

    static Object eval(String text) {
        try {
            Node n = ExprParser.parseWhole(text, 0, text.length());
            return literal(n) ? n.eval(null) : NOT_LITERAL;
        } catch (RuntimeException e) {
            return NOT_LITERAL;
        }
    }

    private static boolean literal(Node n) {
        if (n instanceof Node.Const c) return c.literal();
        if (n instanceof Node.ListLit l) return all(l.items());
        if (n instanceof Node.DictLit d) return all(d.keys()) && all(d.values());
        if (n instanceof Node.Unary u) return (u.op().equals("-") || u.op().equals("+")) && u.operand() instanceof Node.Const c
                && PyOps.isNumber(c.value());
        return false;
    }

    private static boolean all(List<Node> nodes) {
        for (Node n : nodes) if (!literal(n)) return false;
        return true;
    }
}
