package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the statement tree of a template from the lexer's pieces. */
final class TemplateParser {
    private final String src;
    private final List<Lexer.Piece> pieces;
    private final List<Ref> refs;
    private int i;

    private TemplateParser(String src, List<Ref> refs) {
        this.src = src;
        this.pieces = Lexer.lex(src);
        this.refs = refs;
    }

    /** Parses template text, adding the filters, tests and lookups it names to {@code refs}. */
    static List<Stmt> parse(String src, List<Ref> refs) {
        TemplateParser p = new TemplateParser(src, refs);
        List<Stmt> body = p.body(Set.of());
        if (p.i < p.pieces.size()) {
            Lexer.Piece x = p.pieces.get(p.i);
            throw new ParseError("unexpected '" + p.tagName(x) + "'", x.start());
        }
        return body;
    }

    /** Statements until one of the {@code ends} tags (left unconsumed) or the end. */
    private List<Stmt> body(Set<String> ends) {
        List<Stmt> out = new ArrayList<>();
        while (i < pieces.size()) {
            Lexer.Piece p = pieces.get(i);
            switch (p.kind()) {
                case TEXT -> {
                    out.add(new Stmt.Text(p.text()));
                    i++;
                }
                case VAR -> {
                    out.add(new Stmt.Output(ExprParser.parseWhole(src, p.start(), p.end(), refs)));
                    i++;
                }
                default -> {
                    String tag = tagName(p);
                    if (ends.contains(tag)) return out;
                    i++;
                    out.add(statement(tag, p, ends));
                }
            }
        }
        if (!ends.isEmpty()) {
            throw new ParseError("unexpected end of template; expected " + String.join(" or ", ends.stream().map(e -> "'" + e + "'").toList()),
                    src.length());
        }
        return out;
    }

    private String tagName(Lexer.Piece p) {
        List<Token> t = Tokenizer.tokenize(src, p.start(), p.end());
        return t.get(0).text();
    }

    private ExprParser exprAfterTag(Lexer.Piece p) {
        ExprParser e = new ExprParser(Tokenizer.tokenize(src, p.start(), p.end()), refs);
        e.next();
        return e;
    }

    private String endTag() {
        Lexer.Piece p = pieces.get(i++);
        return tagName(p);
    }

    private Stmt statement(String tag, Lexer.Piece p, Set<String> outerEnds) {
        ExprParser e = exprAfterTag(p);
        switch (tag) {
            case "if":
                return ifStmt(e);
            case "for":
                return forStmt(e);
            case "set":
                return setStmt(e);
            case "macro":
                return macro(e);
            case "include": {
                Node t = e.expression();
                boolean ignore = false;
                if (e.accept("ignore")) {
                    e.expect("missing");
                    ignore = true;
                }
                if (e.accept("with") || e.accept("without")) e.expect("context");
                e.expectEnd();
                return new Stmt.Include(t, ignore);
            }
            case "filter": {
                int namePos = e.peek().pos();
                String name = e.dotted();
                refs.add(new Ref(TemplateCheck.Kind.FILTER, name, namePos));
                List<Node> args = new ArrayList<>();
                Map<String, Node> kw = new LinkedHashMap<>();
                if (e.accept("(")) e.callArgs(args, kw);
                e.expectEnd();
                List<Stmt> body = body(Set.of("endfilter"));
                endTag();
                return new Stmt.FilterBlock(new Node.Filter(null, name, args, kw, p.start()), body);
            }
            case "with": {
                List<String> names = new ArrayList<>();
                List<Node> values = new ArrayList<>();
                while (!e.atEnd()) {
                    names.add(e.name());
                    e.expect("=");
                    values.add(e.expression());
                    if (!e.accept(",")) break;
                }
                e.expectEnd();
                List<Stmt> body = body(Set.of("endwith"));
                endTag();
                return new Stmt.With(names, values, body);
            }
            case "block": {
                e.name();
                List<Stmt> body = body(Set.of("endblock"));
                endTag();
                return new Stmt.Group(body);
            }
            case "do":
                return new Stmt.Do(whole(e));
            case "break":
            case "continue":
                return new Stmt.Jump(tag.equals("break"));
            default:
                throw new ParseError("Encountered unknown tag '" + tag + "'."
                        + (outerEnds.isEmpty() ? "" : " Jinja was looking for: " + String.join(", ", outerEnds) + "."), p.start());
        }
    }

    private static Node whole(ExprParser e) {
        Node n = e.expression();
        e.expectEnd();
        return n;
    }

    private Stmt ifStmt(ExprParser e) {
        List<Node> conds = new ArrayList<>(List.of(whole(e)));
        List<List<Stmt>> bodies = new ArrayList<>();
        Set<String> ends = Set.of("elif", "else", "endif");
        bodies.add(body(ends));
        while (true) {
            Lexer.Piece p = pieces.get(i++);
            String t = tagName(p);
            if (t.equals("elif")) {
                conds.add(whole(exprAfterTag(p)));
                bodies.add(body(ends));
            } else if (t.equals("else")) {
                List<Stmt> otherwise = body(Set.of("endif"));
                endTag();
                return new Stmt.If(conds, bodies, otherwise);
            } else {
                return new Stmt.If(conds, bodies, List.of());
            }
        }
    }

    private Stmt forStmt(ExprParser e) {
        List<String> targets = new ArrayList<>();
        boolean paren = e.accept("(");
        do {
            targets.add(e.name());
        } while (e.accept(","));
        if (paren) e.expect(")");
        e.expect("in");
        Node iter = e.iterable();
        Node filter = null;
        if (e.accept("if")) filter = e.expression();
        e.accept("recursive");
        e.expectEnd();
        List<Stmt> body = body(Set.of("else", "endfor"));
        List<Stmt> otherwise = List.of();
        if (endTag().equals("else")) {
            otherwise = body(Set.of("endfor"));
            endTag();
        }
        return new Stmt.For(targets, iter, filter, body, otherwise);
    }

    private Stmt setStmt(ExprParser e) {
        List<String> targets = new ArrayList<>();
        String attr = null;
        targets.add(e.name());
        if (e.accept(".")) {
            attr = e.name();
        } else {
            while (e.accept(",")) targets.add(e.name());
        }
        if (e.atEnd()) {
            List<Stmt> body = body(Set.of("endset"));
            endTag();
            return new Stmt.SetBlock(targets.get(0), body);
        }
        e.expect("=");
        Node value = e.tupleOrExpression();
        e.expectEnd();
        return new Stmt.Set(targets, attr, value);
    }

    private Stmt macro(ExprParser e) {
        String name = e.name();
        List<String> params = new ArrayList<>();
        List<Node> defaults = new ArrayList<>();
        e.expect("(");
        while (!e.peek().isOp(")")) {
            params.add(e.name());
            if (e.accept("=")) defaults.add(e.expression());
            else if (!defaults.isEmpty()) throw new ParseError("non-default argument follows default argument", e.peek().pos());
            if (!e.accept(",")) break;
        }
        e.expect(")");
        e.expectEnd();
        List<Stmt> body = body(Set.of("endmacro"));
        endTag();
        return new Stmt.MacroDef(name, params, defaults, body);
    }
}
