package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recursive-descent parser for Jinja2 expressions, with Jinja2's operator precedence. */
final class ExprParser {
    private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> NOT_TEST_ARG = Set.of("else", "or", "and", "if", "is", "in", "not");
    private static final Set<String> LOOKUPS = Set.of("lookup", "query", "q");
    private final List<Token> tokens;
    private final List<Ref> refs;
    private int i;

    /** A parser that records the filters, tests and lookups it sees in {@code refs}. */
    ExprParser(List<Token> tokens, List<Ref> refs) {
        this.tokens = tokens;
        this.refs = refs;
    }

    static Node parseWhole(String text, int from, int to) {
        return parseWhole(text, from, to, new ArrayList<>());
    }

    static Node parseWhole(String text, int from, int to, List<Ref> refs) {
        ExprParser p = new ExprParser(Tokenizer.tokenize(text, from, to), refs);
        Node n = p.expression();
        p.expectEnd();
        return n;
    }

    Token peek() {
        return tokens.get(i);
    }

    Token next() {
        return tokens.get(i++);
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    void expectEnd() {
        if (!atEnd()) throw new ParseError("expected end of expression, got '" + peek().text() + "'", peek().pos());
    }

    boolean accept(String op) {
        if (peek().is(op)) {
            i++;
            return true;
        }
        return false;
    }

    Token expect(String op) {
        if (!peek().is(op)) throw new ParseError("expected '" + op + "', got '" + (atEnd() ? "end of expression" : peek().text()) + "'", peek().pos());
        return next();
    }

    String name() {
        Token t = next();
        if (t.kind() != Token.Kind.NAME) throw new ParseError("expected a name, got '" + t.text() + "'", t.pos());
        return t.text();
    }

    /** A full expression, including {@code a if b else c}. */
    Node expression() {
        Node n = or();
        while (peek().is("if")) {
            int pos = next().pos();
            Node cond = or();
            Node otherwise = accept("else") ? expression() : null;
            n = new Node.Cond(n, cond, otherwise, pos);
        }
        return n;
    }

    /** An expression that may be a bare tuple ({@code a, b}), as for-loops and set allow. */
    Node tupleOrExpression() {
        Node first = expression();
        if (!peek().isOp(",")) return first;
        List<Node> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (atEnd() || peek().is("%")) break;
            items.add(expression());
        }
        return new Node.ListLit(items, first.pos());
    }

    /** The iterable of a for loop: no conditional expression (its {@code if} filters the loop), tuples allowed. */
    Node iterable() {
        Node first = or();
        if (!peek().isOp(",")) return first;
        List<Node> items = new ArrayList<>(List.of(first));
        while (accept(",") && !atEnd() && !peek().is("if")) items.add(or());
        return new Node.ListLit(items, first.pos());
    }

    private Node or() {
        Node n = and();
        while (peek().is("or")) {
            next();
            n = new Node.Or(n, and(), n.pos());
        }
        return n;
    }

    private Node and() {
        Node n = not();
        while (peek().is("and")) {
            next();
            n = new Node.And(n, not(), n.pos());
        }
        return n;
    }

    private Node not() {
        if (peek().is("not")) {
            int pos = next().pos();
            return new Node.Unary("not", not(), pos);
        }
        return compare();
    }

    private Node compare() {
        Node first = math1();
        List<String> ops = new ArrayList<>();
        List<Node> rest = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.OP && COMPARE.contains(t.text())) {
                next();
                ops.add(t.text());
            } else if (t.is("in")) {
                next();
                ops.add("in");
            } else if (t.is("not") && tokens.get(i + 1).is("in")) {
                i += 2;
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
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = next();
            n = new Node.Binary(op.text(), n, concat(), op.pos());
        }
        return n;
    }

    private Node concat() {
        Node n = math2();
        while (peek().isOp("~")) {
            Token op = next();
            n = new Node.Binary("~", n, math2(), op.pos());
        }
        return n;
    }

    private Node math2() {
        Node n = pow();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
            Token op = next();
            n = new Node.Binary(op.text(), n, pow(), op.pos());
        }
        return n;
    }

    private Node pow() {
        Node n = unary(true);
        while (peek().isOp("**")) {
            Token op = next();
            n = new Node.Binary("**", n, unary(true), op.pos());
        }
        return n;
    }

    private Node unary(boolean withFilter) {
        Node n;
        if (peek().isOp("-") || peek().isOp("+")) {
            Token op = next();
            n = new Node.Unary(op.text(), unary(false), op.pos());
        } else {
            n = primary();
        }
        n = postfix(n);
        return withFilter ? filters(n) : n;
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case STRING: {
                StringBuilder sb = new StringBuilder((String) t.value());
                while (peek().kind() == Token.Kind.STRING) sb.append((String) next().value());
                return new Node.Const(sb.toString(), t.pos(), true);
            }
            case INT:
            case FLOAT:
                return new Node.Const(t.value(), t.pos(), true);
            case NAME:
                return switch (t.text()) {
                    case "True" -> new Node.Const(true, t.pos(), true);
                    case "False" -> new Node.Const(false, t.pos(), true);
                    case "None" -> new Node.Const(null, t.pos(), true);
                    case "true" -> new Node.Const(true, t.pos(), false);
                    case "false" -> new Node.Const(false, t.pos(), false);
                    case "none" -> new Node.Const(null, t.pos(), false);
                    default -> new Node.Var(t.text(), t.pos());
                };
            case OP:
                if (t.text().equals("(")) {
                    if (accept(")")) return new Node.ListLit(List.of(), t.pos());
                    Node inner = expression();
                    if (peek().isOp(",")) {
                        List<Node> items = new ArrayList<>(List.of(inner));
                        while (accept(",") && !peek().isOp(")")) items.add(expression());
                        expect(")");
                        return new Node.ListLit(items, t.pos());
                    }
                    expect(")");
                    return inner;
                }
                if (t.text().equals("[")) {
                    List<Node> items = new ArrayList<>();
                    while (!peek().isOp("]")) {
                        items.add(expression());
                        if (!accept(",")) break;
                    }
                    expect("]");
                    return new Node.ListLit(items, t.pos());
                }
                if (t.text().equals("{")) {
                    List<Node> keys = new ArrayList<>();
                    List<Node> values = new ArrayList<>();
                    while (!peek().isOp("}")) {
                        keys.add(expression());
                        expect(":");
                        values.add(expression());
                        if (!accept(",")) break;
                    }
                    expect("}");
                    return new Node.DictLit(keys, values, t.pos());
                }
                break;
            default:
                break;
        }
        throw new ParseError(t.kind() == Token.Kind.EOF ? "unexpected end of template" : "unexpected '" + t.text() + "'", t.pos());
    }

    private Node postfix(Node n) {
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                next();
                Token a = next();
                if (a.kind() == Token.Kind.NAME) n = new Node.Attr(n, a.text(), a.pos());
                else if (a.kind() == Token.Kind.INT) n = new Node.Item(n, new Node.Const(a.value(), a.pos(), true), a.pos());
                else throw new ParseError("expected an attribute name after '.'", a.pos());
            } else if (t.isOp("[")) {
                next();
                n = subscript(n, t.pos());
            } else if (t.isOp("(")) {
                next();
                n = call(n, t.pos());
            } else {
                return n;
            }
        }
    }

    private Node subscript(Node obj, int pos) {
        Node start = null;
        Node stop = null;
        Node step = null;
        if (!peek().isOp(":")) start = expression();
        if (accept(":")) {
            if (!peek().isOp("]") && !peek().isOp(":")) stop = expression();
            if (accept(":") && !peek().isOp("]")) step = expression();
            expect("]");
            return new Node.Slice(obj, start, stop, step, pos);
        }
        expect("]");
        return new Node.Item(obj, start, pos);
    }

    private Node call(Node fn, int pos) {
        List<Node> args = new ArrayList<>();
        Map<String, Node> kw = new LinkedHashMap<>();
        callArgs(args, kw);
        if (fn instanceof Node.Var v && LOOKUPS.contains(v.name())) refName(TemplateCheck.Kind.LOOKUP, args, 0);
        return new Node.Call(fn, args, kw, pos);
    }

    /** Records a filter, test or lookup named by a string constant argument ({@code map('upper')}, {@code lookup('file', ..)}). */
    private void refName(TemplateCheck.Kind kind, List<Node> args, int index) {
        if (index < args.size() && args.get(index) instanceof Node.Const c && c.value() instanceof String name) {
            refs.add(new Ref(kind, name, c.pos()));
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

    /** Arguments after an opening parenthesis, up to and including the closing one. */
    void callArgs(List<Node> args, Map<String, Node> kw) {
        while (!peek().isOp(")")) {
            if (peek().kind() == Token.Kind.NAME && tokens.get(i + 1).isOp("=")) {
                String k = next().text();
                next();
                kw.put(k, expression());
            } else {
                args.add(expression());
            }
            if (!accept(",")) break;
        }
        expect(")");
    }

    private Node filters(Node n) {
        while (true) {
            if (peek().isOp("|")) {
                int pos = next().pos();
                int namePos = peek().pos();
                String name = dotted();
                List<Node> args = new ArrayList<>();
                Map<String, Node> kw = new LinkedHashMap<>();
                if (accept("(")) callArgs(args, kw);
                refs.add(new Ref(TemplateCheck.Kind.FILTER, name, namePos));
                nestedRefs(name, args);
                n = new Node.Filter(n, name, args, kw, pos);
            } else if (peek().is("is")) {
                int pos = next().pos();
                boolean negated = accept("not");
                int namePos = peek().pos();
                String name = dotted();
                refs.add(new Ref(TemplateCheck.Kind.TEST, name, namePos));
                List<Node> args = new ArrayList<>();
                if (accept("(")) {
                    callArgs(args, new LinkedHashMap<>());
                } else if (testArgFollows()) {
                    args.add(unary(false));
                }
                n = new Node.Test(n, name, args, negated, pos);
            } else {
                return n;
            }
        }
    }

    private boolean testArgFollows() {
        Token t = peek();
        if (t.kind() == Token.Kind.NAME) return !NOT_TEST_ARG.contains(t.text());
        return t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.INT || t.kind() == Token.Kind.FLOAT
                || t.isOp("[") || t.isOp("{");
    }

    /** A filter or test name, possibly with a collection prefix ({@code ansible.builtin.to_json}). */
    String dotted() {
        StringBuilder sb = new StringBuilder(name());
        while (peek().isOp(".") && tokens.get(i + 1).kind() == Token.Kind.NAME) {
            next();
            sb.append('.').append(name());
        }
        return sb.toString();
    }
}
