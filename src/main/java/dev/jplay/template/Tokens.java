package dev.jplay.template;

import java.util.List;

/** A cursor over a template's tokens, with Jinja2's wording for what it expected and found. */
final class Tokens {
    private final List<Token> list;
    private int i;

    Tokens(List<Token> list) {
        this.list = list;
    }

    /** The current token; a lexer error (Jinja2's lexer runs ahead of the parser only as far as it reads) is raised here. */
    Token peek() {
        Token t = list.get(i);
        if (t.kind() == Token.Kind.ERROR) throw new ParseError(t.text(), t.pos());
        return t;
    }

    /** The token after the current one. */
    Token look() {
        return list.get(Math.min(i + 1, list.size() - 1));
    }

    Token next() {
        Token t = peek();
        if (t.kind() != Token.Kind.EOF) i++;
        return t;
    }

    boolean atEof() {
        return peek().kind() == Token.Kind.EOF;
    }

    /** Consumes the current token if it is this name or operator. */
    boolean accept(String word) {
        if (peek().is(word)) {
            i++;
            return true;
        }
        return false;
    }

    /** Consumes this name or operator, or fails as Jinja2 does ({@code expected token ')', got 'x'}). */
    Token expect(String word) {
        if (!peek().is(word)) throw expected("'" + word + "'");
        return next();
    }

    Token expect(Token.Kind kind) {
        if (peek().kind() != kind) throw expected("'" + describe(kind) + "'");
        return next();
    }

    /** A name token's text. */
    String name() {
        return expect(Token.Kind.NAME).text();
    }

    ParseError expected(String what) {
        Token t = peek();
        if (t.kind() == Token.Kind.EOF) return new ParseError("unexpected end of template, expected " + what + ".", t.pos());
        return new ParseError("expected token " + what + ", got '" + t.describe() + "'", t.pos());
    }

    ParseError fail(String message) {
        return new ParseError(message, peek().pos());
    }

    private static String describe(Token.Kind kind) {
        return kind == Token.Kind.NAME ? "name" : new Token(kind, "", null, 0).describe();
    }
}
