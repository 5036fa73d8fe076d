package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's expression grammar (the rules of its {@code parser.py}, written anew): conditional expressions, boolean
 * operators, comparisons, arithmetic, {@code ~}, filters and tests (binding tighter than arithmetic), postfix
 * attribute, item, slice and call, literals. Records the filters, tests and lookups it meets for static checking.
 */
final class ExprParser {
    /** How deeply expressions may nest (brackets, unary operators, conditionals); deeper is an error, not a crash. */
    static final int MAX_DEPTH = 200;
    /** How many operators, filters or subscripts one chain may have ({@code a + b + ...}): evaluation recurses that deep. */
    static final int MAX_CHAIN = 1000;
    private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> LOOKUPS = Set.of("lookup", "query", "q");
    private final Tokens t;
    private final List<Ref> refs;
    private final List<String> names;
    private int depth;

    /** A parser over {@code t} that records the filters, tests and lookups it meets in {@code refs}, the names it reads in {@code names}. */
    ExprParser(Tokens t, List<Ref> refs, List<String> names) {
        this.t = t;
        this.refs = refs;
        this.names = names;
    }

    /**
     * A bare expression: a {@code when:} condition read as Ansible reads one, inside {@code {% if ... %}} (no inline
     * {@code if}/{@code else}), or with {@code inlineIf} a {@code debug: var=} expression (as inside {@code {{ }}}).
     */
    static Node parseWhole(String text, List<Ref> refs, boolean inlineIf) {
        Tokens cursor = new Tokens(Lexer.expression(text));
        Node n = new ExprParser(cursor, refs, new ArrayList<>()).tuple(false, inlineIf, Set.of(), false);
        cursor.expect(Token.Kind.BLOCK_END);
        return n;
    }

    Node expression() {
        return expression(true);
    }

    Node expression(boolean withCondition) {
        if (++depth > MAX_DEPTH) throw t.fail("expression nested more than " + MAX_DEPTH + " levels deep");
        try {
            return withCondition ? condition() : or();
        } finally {
            depth--;
        }
    }

    private Node condition() {
        Node n = or();
        while (t.peek().isName("if")) {
            int pos = t.next().pos();
            Node cond = or();
            Node otherwise = t.accept("else") ? condition() : null;
            n = new Node.Cond(n, cond, otherwise, pos);
        }
        return n;
    }

    private Node or() {
        Node n = and();
        for (int chain = 1; t.peek().isName("or"); chain++) {
            limit(chain);
            t.next();
            n = new Node.Or(n, and(), n.pos());
        }
        return n;
    }

    private Node and() {
        Node n = not();
        for (int chain = 1; t.peek().isName("and"); chain++) {
            limit(chain);
            t.next();
            n = new Node.And(n, not(), n.pos());
        }
        return n;
    }

    private Node not() {
        if (t.peek().isName("not")) {
            int pos = t.next().pos();
            return new Node.Unary("not", nested(this::not), pos);
        }
        return compare();
    }

    private Node compare() {
        Node first = math1();
        List<String> ops = new ArrayList<>();
        List<Node> rest = new ArrayList<>();
        while (true) {
            Token k = t.peek();
            if (k.kind() == Token.Kind.OP && COMPARE.contains(k.text())) {
                ops.add(t.next().text());
            } else if (k.isName("in")) {
                t.next();
                ops.add("in");
            } else if (k.isName("not") && t.look().isName("in")) {
                t.next();
                t.next();
                ops.add("not in");
            } else {
                break;
            }
            rest.add(math1());
        }
        return ops.isEmpty() ? first : new Node.Compare(first, ops, rest, first.pos());
    }

    private Node math1() {
        Node n = concat();
        for (int chain = 1; t.peek().isOp("+") || t.peek().isOp("-"); chain++) {
            limit(chain);
            Token op = t.next();
            n = new Node.Binary(op.text(), n, concat(), op.pos());
        }
        return n;
    }

    private Node concat() {
        Node n = math2();
        for (int chain = 1; t.peek().isOp("~"); chain++) {
            limit(chain);
            Token op = t.next();
            n = new Node.Binary("~", n, math2(), op.pos());
        }
        return n;
    }

    private Node math2() {
        Node n = pow();
        for (int chain = 1; t.peek().isOp("*") || t.peek().isOp("/") || t.peek().isOp("//") || t.peek().isOp("%"); chain++) {
            limit(chain);
            Token op = t.next();
            n = new Node.Binary(op.text(), n, pow(), op.pos());
        }
        return n;
    }

    private Node pow() {
        Node n = unary(true);
        for (int chain = 1; t.peek().isOp("**"); chain++) {
            limit(chain);
            Token op = t.next();
            n = new Node.Binary("**", n, unary(true), op.pos());
        }
        return n;
    }

    private Node unary(boolean withFilter) {
        Node n;
        if (t.peek().isOp("-") || t.peek().isOp("+")) {
            Token op = t.next();
            n = new Node.Unary(op.text(), nested(() -> unary(false)), op.pos());
        } else {
            n = primary();
        }
        n = postfix(n);
        return withFilter ? filters(n) : n;
    }

    private void limit(int chain) {
        if (chain > MAX_CHAIN) throw t.fail("expression too long: more than " + MAX_CHAIN + " operators, filters or subscripts in a row");
    }

    private Node nested(java.util.function.Supplier<Node> rule) {
        if (++depth > MAX_DEPTH) throw t.fail("expression nested more than " + MAX_DEPTH + " levels deep");
        try {
            return rule.get();
        } finally {
            depth--;
        }
    }

    Node primary() {
        Token k = t.peek();
        switch (k.kind()) {
            case NAME -> {
                t.next();
                return switch (k.text()) {
                    case "True", "true" -> new Node.Const(true, k.pos(), k.text().equals("True"));
                    case "False", "false" -> new Node.Const(false, k.pos(), k.text().equals("False"));
                    case "None", "none" -> new Node.Const(null, k.pos(), k.text().equals("None"));
                    default -> {
                        names.add(k.text());
                        yield new Node.Var(k.text(), k.pos());
                    }
                };
            }
            case STRING -> {
                t.next();
                StringBuilder sb = new StringBuilder((String) k.value());
                while (t.peek().kind() == Token.Kind.STRING) sb.append((String) t.next().value());
                return new Node.Const(sb.toString(), k.pos(), true);
            }
            case INT, FLOAT -> {
                t.next();
                return new Node.Const(k.value(), k.pos(), true);
            }
            case OP -> {
                if (k.text().equals("(")) {
                    t.next();
                    Node n = nested(() -> tuple(false, true, Set.of(), true));
                    t.expect(")");
                    return n;
                }
                if (k.text().equals("[")) return nested(this::list);
                if (k.text().equals("{")) return nested(this::dict);
            }
            default -> { }
        }
        throw t.fail("unexpected '" + k.describe() + "'");
    }

    /**
     * Jinja2's {@code parse_tuple}: one expression, or several separated by commas (a tuple), as in
     * {@code {{ a, b }}}, {@code for k, v in}, {@code set a, b = ...}.
     */
    Node tuple(boolean simplified, boolean withCondition, Set<String> extraEnds, boolean explicitParens) {
        int pos = t.peek().pos();
        List<Node> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) t.expect(",");
            if (tupleEnd(extraEnds)) break;
            items.add(simplified ? primary() : expression(withCondition));
            if (t.peek().isOp(",")) isTuple = true;
            else break;
        }
        if (!isTuple) {
            if (!items.isEmpty()) return items.get(0);
            if (!explicitParens) throw t.fail("Expected an expression, got '" + t.peek().describe() + "'");
        }
        return new Node.ListLit(items, pos, true);
    }

    private boolean tupleEnd(Set<String> extraEnds) {
        Token k = t.peek();
        if (k.ends() || k.isOp(")")) return true;
        return k.kind() == Token.Kind.NAME && extraEnds.contains(k.text());
    }

    private Node list() {
        int pos = t.expect("[").pos();
        List<Node> items = new ArrayList<>();
        while (!t.peek().isOp("]")) {
            if (!items.isEmpty()) t.expect(",");
            if (t.peek().isOp("]")) break;
            items.add(expression());
        }
        t.expect("]");
        return new Node.ListLit(items, pos, false);
    }

    private Node dict() {
        int pos = t.expect("{").pos();
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        while (!t.peek().isOp("}")) {
            if (!keys.isEmpty()) t.expect(",");
            if (t.peek().isOp("}")) break;
            keys.add(expression());
            t.expect(":");
            values.add(expression());
        }
        t.expect("}");
        return new Node.DictLit(keys, values, pos);
    }

    private Node postfix(Node n) {
        for (int chain = 1; ; chain++) {
            limit(chain);
            Token k = t.peek();
            if (k.isOp(".") || k.isOp("[")) n = subscript(n);
            else if (k.isOp("(")) n = call(n);
            else return n;
        }
    }

    private Node subscript(Node obj) {
        Token k = t.next();
        if (k.isOp(".")) {
            Token a = t.next();
            if (a.kind() == Token.Kind.NAME) return new Node.Attr(obj, a.text(), a.pos());
            if (a.kind() != Token.Kind.INT) throw new ParseError("expected name or number", a.pos());
            return new Node.Item(obj, new Node.Const(a.value(), a.pos(), true), a.pos());
        }
        List<Node> args = new ArrayList<>();
        while (!t.peek().isOp("]")) {
            if (!args.isEmpty()) t.expect(",");
            args.add(subscribed());
        }
        t.expect("]");
        Node key = args.size() == 1 ? args.get(0) : new Node.ListLit(args, k.pos(), true);
        if (key instanceof Node.Slice s) return new Node.Slice(obj, s.start(), s.stop(), s.step(), k.pos());
        return new Node.Item(obj, key, k.pos());
    }

    private Node subscribed() {
        int pos = t.peek().pos();
        Node start = null;
        if (!t.peek().isOp(":")) {
            start = expression();
            if (!t.peek().isOp(":")) return start;
        }
        t.next();
        Node stop = null;
        Node step = null;
        if (!t.peek().isOp(":") && !t.peek().isOp("]") && !t.peek().isOp(",")) stop = expression();
        if (t.accept(":") && !t.peek().isOp("]") && !t.peek().isOp(",")) step = expression();
        return new Node.Slice(null, start, stop, step, pos);
    }

    private Node call(Node fn) {
        int pos = t.peek().pos();
        Args a = callArgs();
        if (fn instanceof Node.Var v && LOOKUPS.contains(v.name())) refName(TemplateCheck.Kind.LOOKUP, a.args, 0);
        return new Node.Call(fn, a.args, a.kwargs, a.star, a.starStar, pos);
    }

    /** The arguments of a call, filter or test, in parentheses (Jinja2's {@code parse_call_args}). */
    record Args(List<Node> args, Map<String, Node> kwargs, Node star, Node starStar) {
        static final Args NONE = new Args(List.of(), Map.of(), null, null);
    }

    Args callArgs() {
        Token open = t.expect("(");
        List<Node> args = new ArrayList<>();
        Map<String, Node> kwargs = new LinkedHashMap<>();
        Node star = null;
        Node starStar = null;
        boolean comma = false;
        while (!t.peek().isOp(")")) {
            if (comma) {
                t.expect(",");
                if (t.peek().isOp(")")) break;
            }
            if (t.accept("*")) {
                ensure(star == null && starStar == null, open);
                star = expression();
            } else if (t.accept("**")) {
                ensure(starStar == null, open);
                starStar = expression();
            } else if (t.peek().kind() == Token.Kind.NAME && t.look().isOp("=")) {
                ensure(starStar == null, open);
                String key = t.next().text();
                t.next();
                kwargs.put(key, expression());
            } else {
                ensure(star == null && starStar == null && kwargs.isEmpty(), open);
                args.add(expression());
            }
            comma = true;
        }
        t.expect(")");
        return new Args(args, kwargs, star, starStar);
    }

    private static void ensure(boolean ok, Token open) {
        if (!ok) throw new ParseError("invalid syntax for function call expression", open.pos());
    }

    private Node filters(Node n) {
        for (int chain = 1; ; chain++) {
            limit(chain);
            if (t.peek().isOp("|")) {
                t.next();
                n = filter(n);
            } else if (t.peek().isName("is")) {
                n = test(n);
            } else if (t.peek().isOp("(")) {
                n = call(n);
            } else {
                return n;
            }
        }
    }

    /** One filter applied to {@code value} (null for a filter block: applied to the block's output). */
    Node.Filter filter(Node value) {
        int pos = t.peek().pos();
        String name = dotted();
        Args a = t.peek().isOp("(") ? callArgs() : Args.NONE;
        refs.add(new Ref(TemplateCheck.Kind.FILTER, name, pos, true));
        nestedRefs(name, a.args);
        return new Node.Filter(value, name, Library.filter(name), a.args, a.kwargs, a.star, a.starStar, pos);
    }

    private Node test(Node value) {
        int pos = t.next().pos();
        boolean negated = t.accept("not");
        int namePos = t.peek().pos();
        String name = dotted();
        Args a = Args.NONE;
        Token k = t.peek();
        if (k.isOp("(")) {
            a = callArgs();
        } else if ((k.kind() == Token.Kind.NAME || k.kind() == Token.Kind.STRING || k.kind() == Token.Kind.INT
                || k.kind() == Token.Kind.FLOAT || k.isOp("(") || k.isOp("[") || k.isOp("{"))
                && !(k.isName("else") || k.isName("or") || k.isName("and"))) {
            if (k.isName("is")) throw t.fail("You cannot chain multiple tests with is");
            a = new Args(List.of(postfix(primary())), Map.of(), null, null);
        }
        refs.add(new Ref(TemplateCheck.Kind.TEST, name, namePos, true));
        return new Node.Test(value, name, Library.test(name), a.args, a.kwargs, negated, pos);
    }

    /** A filter or test name, possibly collection-qualified ({@code ansible.builtin.to_json}). */
    String dotted() {
        StringBuilder sb = new StringBuilder(t.name());
        while (t.peek().isOp(".")) {
            t.next();
            sb.append('.').append(t.name());
        }
        return sb.toString();
    }

    /** Records a filter, test or lookup named by a string constant argument ({@code map('upper')}, {@code lookup('file', ..)}). */
    private void refName(TemplateCheck.Kind kind, List<Node> args, int index) {
        if (index < args.size() && args.get(index) instanceof Node.Const c && c.value() instanceof String name) {
            refs.add(new Ref(kind, name, c.pos(), false));
        }
    }

    /** Filters whose arguments name another filter or test. */
    private void nestedRefs(String filter, List<Node> args) {
        switch (Library.shortName(filter)) {
            case "map" -> refName(TemplateCheck.Kind.FILTER, args, 0);
            case "select", "reject" -> refName(TemplateCheck.Kind.TEST, args, 0);
            case "selectattr", "rejectattr" -> refName(TemplateCheck.Kind.TEST, args, 1);
            default -> { }
        }
    }
}
