package dev.jplay.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the statement tree of a template from the lexer's tokens, with Jinja2's statements ({@code if}, {@code for},
 * {@code set}, {@code macro}, {@code call}, {@code filter}, {@code with}, {@code include}, {@code import},
 * {@code from}, {@code extends}, {@code block}, {@code print}, {@code autoescape}) and Jinja2's messages for
 * unknown and unclosed tags. {@code do}, {@code break} and {@code continue} exist only when their extension is on.
 */
final class TemplateParser {
    /** How deeply statements ({@code if}, {@code for}, ...) may nest. */
    static final int MAX_NESTING = 200;
    private final Tokens t;
    private final ExprParser e;
    private final Set<String> extensions;
    private final List<List<String>> endStack = new ArrayList<>();
    private final List<String> tagStack = new ArrayList<>();
    private final Map<String, Stmt.Block> blocks = new LinkedHashMap<>();
    /** Names read by expressions, in order (a macro's body decides whether it takes varargs, kwargs, caller). */
    private final List<String> names;

    private TemplateParser(List<Token> tokens, List<Ref> refs, Set<String> extensions) {
        this.t = new Tokens(tokens);
        this.names = new ArrayList<>();
        this.e = new ExprParser(t, refs, names);
        this.extensions = extensions;
    }

    /** A parsed template: its statements and its blocks ({@code extends}). */
    record Parsed(List<Stmt> body, Map<String, Stmt.Block> blocks) {}

    static Parsed parse(String src, Syntax syntax, List<Ref> refs, Set<String> extensions) {
        TemplateParser p = new TemplateParser(Lexer.lex(src, syntax), refs, extensions);
        List<Stmt> body = p.subparse(null);
        return new Parsed(body, Map.copyOf(p.blocks));
    }

    private List<Stmt> subparse(List<String> ends) {
        List<Stmt> body = new ArrayList<>();
        if (ends != null) endStack.add(ends);
        try {
            while (true) {
                Token k = t.peek();
                switch (k.kind()) {
                    case DATA -> body.add(new Stmt.Text(t.next().text()));
                    case VAR_BEGIN -> {
                        t.next();
                        body.add(new Stmt.Output(e.tuple(false, true, Set.of(), false)));
                        t.expect(Token.Kind.VAR_END);
                    }
                    case BLOCK_BEGIN -> {
                        t.next();
                        if (ends != null && t.peek().kind() == Token.Kind.NAME && ends.contains(t.peek().text())) return body;
                        body.add(statement());
                        t.expect(Token.Kind.BLOCK_END);
                    }
                    case EOF -> {
                        return body;
                    }
                    default -> throw t.fail("unexpected '" + k.describe() + "'");
                }
            }
        } finally {
            if (ends != null) endStack.remove(endStack.size() - 1);
        }
    }

    private Stmt statement() {
        Token k = t.peek();
        if (k.kind() != Token.Kind.NAME) throw t.fail("tag name expected");
        String tag = k.text();
        if (tagStack.size() >= MAX_NESTING) throw t.fail("blocks nested more than " + MAX_NESTING + " levels deep");
        tagStack.add(tag);
        boolean pop = true;
        try {
            switch (tag) {
                case "if": return ifStmt();
                case "for": return forStmt();
                case "set": return setStmt();
                case "macro": return macro();
                case "call": return callBlock();
                case "filter": return filterBlock();
                case "with": return with();
                case "include": return include();
                case "import": return importStmt();
                case "from": return fromImport();
                case "extends": return extendsStmt();
                case "block": return block();
                case "print": return print();
                case "autoescape": return autoescape();
                default: break;
            }
            if (extensions.contains(tag)) return extension(tag);
            tagStack.remove(tagStack.size() - 1);
            pop = false;
            throw unknown(tag, k.pos());
        } finally {
            if (pop) tagStack.remove(tagStack.size() - 1);
        }
    }

    private Stmt extension(String tag) {
        t.next();
        if (tag.equals("do")) return new Stmt.Do(e.tuple(false, true, Set.of(), false));
        return new Stmt.Jump(tag.equals("break"));
    }

    /** The statements up to one of {@code ends}; with {@code drop}, that end tag is consumed. */
    private List<Stmt> statements(List<String> ends, boolean drop) {
        t.accept(":");
        t.expect(Token.Kind.BLOCK_END);
        List<Stmt> body = subparse(ends);
        if (t.atEof()) throw unclosed(ends);
        if (drop) t.next();
        return body;
    }

    private ParseError unknown(String name, int pos) {
        return new ParseError(failMessage(name, endStack), pos);
    }

    private ParseError unclosed(List<String> ends) {
        List<List<String>> stack = new ArrayList<>(endStack);
        stack.add(ends);
        return new ParseError(failMessage(null, stack), t.peek().pos());
    }

    /** Jinja2's wording for an unknown tag ({@code name}) or an unexpected end of template (null). */
    private String failMessage(String name, List<List<String>> stack) {
        Set<String> expected = new HashSet<>();
        for (List<String> ends : stack) expected.addAll(ends);
        String looking = stack.isEmpty() ? null
                : String.join(" or ", stack.get(stack.size() - 1).stream().map(s -> "'" + s + "'").toList());
        StringBuilder sb = new StringBuilder(name == null ? "Unexpected end of template." : "Encountered unknown tag '" + name + "'.");
        if (looking != null) {
            if (name != null && expected.contains(name)) {
                sb.append(" You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ").append(looking).append('.');
            } else {
                sb.append(" Jinja was looking for the following tags: ").append(looking).append('.');
            }
        }
        if (!tagStack.isEmpty()) sb.append(" The innermost block that needs to be closed is '").append(tagStack.get(tagStack.size() - 1)).append("'.");
        return sb.toString();
    }

    private Stmt ifStmt() {
        t.next();
        List<Node> conditions = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<String> ends = List.of("elif", "else", "endif");
        while (true) {
            conditions.add(e.tuple(false, false, Set.of(), false));
            bodies.add(statements(ends, false));
            String tag = t.next().text();
            if (tag.equals("elif")) continue;
            if (tag.equals("else")) return new Stmt.If(conditions, bodies, statements(List.of("endif"), true));
            return new Stmt.If(conditions, bodies, List.of());
        }
    }

    private Stmt forStmt() {
        t.next();
        Target target = target(Set.of("in"), false, false);
        t.expect("in");
        Node iter = e.tuple(false, false, Set.of("recursive"), false);
        Node filter = t.accept("if") ? e.expression() : null;
        boolean recursive = t.accept("recursive");
        List<Stmt> body = statements(List.of("endfor", "else"), false);
        List<Stmt> otherwise = List.of();
        if (t.next().text().equals("else")) otherwise = statements(List.of("endfor"), true);
        return new Stmt.For(target, iter, filter, recursive, body, otherwise);
    }

    private Stmt setStmt() {
        t.next();
        Target target = target(Set.of(), false, true);
        if (t.accept("=")) return new Stmt.Set(target, e.tuple(false, true, Set.of(), false));
        List<Node.Filter> filters = new ArrayList<>();
        while (t.accept("|")) filters.add(e.filter(null));
        return new Stmt.SetBlock(target, filters, statements(List.of("endset"), true));
    }

    /** Jinja2's {@code parse_assign_target}: a name, a namespace attribute, or a tuple of targets. */
    private Target target(Set<String> extraEnds, boolean nameOnly, boolean withNamespace) {
        if (withNamespace && t.look().isOp(".")) {
            String ns = t.name();
            t.next();
            return new Target.NsAttr(ns, t.name());
        }
        if (nameOnly) return new Target.Name(t.name());
        return toTarget(e.tuple(true, true, extraEnds, false));
    }

    private Target toTarget(Node n) {
        if (n instanceof Node.Var v) return new Target.Name(v.name());
        if (n instanceof Node.ListLit l && l.tuple()) return new Target.Unpack(l.items().stream().map(this::toTarget).toList());
        String kind = n instanceof Node.Const ? "const" : n instanceof Node.ListLit ? "list" : n instanceof Node.DictLit ? "dict"
                : n.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        throw new ParseError("can't assign to '" + kind + "'", n.pos());
    }

    private Stmt macro() {
        t.next();
        String name = t.name();
        int start = names.size();
        Sig sig = signature();
        List<Stmt> body = statements(List.of("endmacro"), true);
        return new Stmt.MacroDef(macroSignature(name, sig, start), body);
    }

    private record Sig(List<String> params, List<Node> defaults) {}

    private Sig signature() {
        List<String> params = new ArrayList<>();
        List<Node> defaults = new ArrayList<>();
        t.expect("(");
        while (!t.peek().isOp(")")) {
            if (!params.isEmpty()) t.expect(",");
            String p = t.name();
            if (t.accept("=")) defaults.add(e.expression());
            else if (!defaults.isEmpty()) throw t.fail("non-default argument follows default argument");
            params.add(p);
        }
        t.expect(")");
        return new Sig(params, defaults);
    }

    /** Whether the body (names read since {@code start}) uses varargs, kwargs, caller decides what the macro accepts. */
    private Macro.Signature macroSignature(String name, Sig sig, int start) {
        List<String> used = names.subList(start, names.size());
        return new Macro.Signature(name, sig.params(), sig.defaults(), used.contains("varargs"), used.contains("kwargs"),
                used.contains("caller"));
    }

    private Stmt callBlock() {
        int pos = t.next().pos();
        Sig sig = t.peek().isOp("(") ? signature() : new Sig(List.of(), List.of());
        Node call = e.expression();
        if (!(call instanceof Node.Call c)) throw new ParseError("expected call", pos);
        int start = names.size();
        List<Stmt> body = statements(List.of("endcall"), true);
        return new Stmt.CallBlock(c, macroSignature("caller", sig, start), body);
    }

    private Stmt filterBlock() {
        t.next();
        List<Node.Filter> filters = new ArrayList<>();
        filters.add(e.filter(null));
        while (t.accept("|")) filters.add(e.filter(null));
        return new Stmt.FilterBlock(filters, statements(List.of("endfilter"), true));
    }

    private Stmt with() {
        t.next();
        List<Target> targets = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        while (t.peek().kind() != Token.Kind.BLOCK_END) {
            if (!targets.isEmpty()) t.expect(",");
            targets.add(target(Set.of(), false, false));
            t.expect("=");
            values.add(e.expression());
        }
        return new Stmt.With(targets, values, statements(List.of("endwith"), true));
    }

    private boolean context(boolean dflt) {
        if ((t.peek().isName("with") || t.peek().isName("without")) && t.look().isName("context")) {
            boolean with = t.next().text().equals("with");
            t.next();
            return with;
        }
        return dflt;
    }

    private Stmt include() {
        t.next();
        Node template = e.expression();
        boolean ignore = false;
        if (t.peek().isName("ignore") && t.look().isName("missing")) {
            t.next();
            t.next();
            ignore = true;
        }
        return new Stmt.Include(template, ignore, context(true));
    }

    private Stmt importStmt() {
        t.next();
        Node template = e.expression();
        t.expect("as");
        String alias = t.name();
        return new Stmt.Import(template, alias, context(false));
    }

    private Stmt fromImport() {
        t.next();
        Node template = e.expression();
        t.expect("import");
        List<String> imported = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        boolean withContext = false;
        while (true) {
            if (!imported.isEmpty()) t.expect(",");
            if (t.peek().kind() != Token.Kind.NAME) {
                t.expect(Token.Kind.NAME);
            }
            if ((t.peek().isName("with") || t.peek().isName("without")) && t.look().isName("context")) {
                withContext = context(false);
                break;
            }
            Token nameTok = t.peek();
            String name = t.name();
            if (name.startsWith("_")) throw new ParseError("names starting with an underline can not be imported", nameTok.pos());
            imported.add(name);
            aliases.add(t.accept("as") ? t.name() : name);
            if ((t.peek().isName("with") || t.peek().isName("without")) && t.look().isName("context")) {
                withContext = context(false);
                break;
            }
            if (!t.peek().isOp(",")) break;
        }
        return new Stmt.FromImport(template, imported, aliases, withContext);
    }

    private Stmt extendsStmt() {
        t.next();
        return new Stmt.Extends(e.expression());
    }

    private Stmt block() {
        int pos = t.next().pos();
        String name = t.name();
        boolean scoped = t.accept("scoped");
        t.accept("required");
        if (t.peek().isOp("-")) {
            throw t.fail("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.");
        }
        List<Stmt> body = statements(List.of("endblock"), true);
        t.accept(name);
        if (blocks.containsKey(name)) throw new ParseError("block '" + name + "' defined twice", pos);
        Stmt.Block b = new Stmt.Block(name, body, scoped);
        blocks.put(name, b);
        return b;
    }

    private Stmt print() {
        t.next();
        List<Node> nodes = new ArrayList<>();
        while (t.peek().kind() != Token.Kind.BLOCK_END) {
            if (!nodes.isEmpty()) t.expect(",");
            nodes.add(e.expression());
        }
        List<Stmt> out = new ArrayList<>();
        for (Node n : nodes) out.add(new Stmt.Output(n));
        return new Stmt.Group(out);
    }

    private Stmt autoescape() {
        t.next();
        Node enabled = e.expression();
        return new Stmt.Autoescape(enabled, statements(List.of("endautoescape"), true));
    }
}
