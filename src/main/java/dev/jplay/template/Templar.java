package dev.jplay.template;

import dev.jplay.data.Unsafe;
import dev.jplay.data.VaultText;
import dev.jplay.source.Loc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Jinja2 engine as the rest of jplay sees it. Thread-safe; parsed templates are cached by their text.
 * Semantics follow Ansible 2.14 with {@code jinja2_native=False}: see the method docs.
 */
public final class Templar {
    private static final int CACHE_LIMIT = 20_000;

    /**
     * A parsed template: its statements, the expression when the text is exactly one {@code {{ }}} (or is a bare
     * expression), and the filters, tests and lookups it names.
     */
    private record Compiled(List<Stmt> body, Node single, List<Ref> refs) {}

    private final Library library = new Library();
    private final Map<String, Compiled> templates = new ConcurrentHashMap<>();
    private final Map<String, Compiled> expressions = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;

    public Templar() {
        this(w -> { });
    }

    /** A templar that reports warnings (e.g. templated conditionals) to {@code warnings}. */
    public Templar(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Library library() {
        return library;
    }

    void warn(String message) {
        warnings.accept(message);
    }

    /**
     * Templates a value deeply: strings containing {@code {{}}, {@code {%}} or {@code {#}} are rendered, maps
     * (keys and values) and lists recursively, other values returned as they are. A rendered string that is a
     * list, dict or boolean literal ({@code [..]}, {@code {..}}, {@code True}, {@code False}) becomes that value,
     * as Ansible does; {@code None} renders as an empty string.
     */
    public Object template(Object value, TemplateContext ctx) {
        if (value instanceof Unsafe u) return u.value();
        if (value instanceof VaultText v) return template(ctx.scope().decrypt(v), ctx);
        if (value instanceof CharSequence s) {
            String text = s.toString();
            return isTemplate(text) ? renderString(text, ctx) : text;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) out.put(PyOps.keyString(template(e.getKey(), ctx)), template(e.getValue(), ctx));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(template(o, ctx));
            return out;
        }
        return value;
    }

    private Object renderString(String text, TemplateContext ctx) {
        Compiled c = compile(text, ctx);
        Env env = new Env(this, ctx);
        try {
            if (c.single() != null) {
                Object v = c.single().eval(env);
                if (v instanceof Undefined u) throw new EvalError(u.message(), c.single().pos());
                if (v instanceof List || v instanceof Map || v instanceof Boolean) return v;
                if (v == null) return "";
                return fromText(PyOps.str(v));
            }
            StringBuilder sb = new StringBuilder();
            Stmt.renderAll(c.body(), env, sb);
            return fromText(sb.toString());
        } catch (EvalError e) {
            throw located(e.getMessage(), text, e.pos, ctx.loc());
        }
    }

    /** Ansible's post-processing: rendered text that looks like a list, dict or boolean becomes one. */
    private static Object fromText(String out) {
        if (out.startsWith("[") || out.startsWith("{") || out.equals("True") || out.equals("False")) {
            Object v = PyLiteral.eval(out);
            if (v != PyLiteral.NOT_LITERAL) return v;
        }
        return out;
    }

    /** A {@code when:}-style conditional: a bare expression, a boolean, or a list of them (all must hold). */
    public boolean condition(Object conditional, TemplateContext ctx) {
        if (conditional == null) return true;
        if (conditional instanceof Boolean b) return b;
        if (conditional instanceof List<?> l) {
            for (Object c : l) if (!condition(c, ctx)) return false;
            return true;
        }
        String original = conditional.toString();
        String expr = original.strip();
        try {
            if (isTemplate(expr)) {
                warn("conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: " + original);
                Object r = template(expr, ctx);
                if (r instanceof Boolean b) return b;
                expr = PyOps.str(r).strip();
                if (expr.isEmpty()) return false;
            }
            if (PyOps.isNumber(conditional)) return PyOps.truthy(conditional);
            Env env = new Env(this, ctx);
            return PyOps.truthy(expression(expr, ctx).single().eval(env));
        } catch (EvalError | TemplateException e) {
            throw conditionFailed(original, e.getMessage(), ctx.loc());
        }
    }

    private static TemplateException conditionFailed(String conditional, String message, Loc loc) {
        return new TemplateException("The conditional check '" + conditional + "' failed. The error was: error while evaluating "
                + "conditional (" + conditional + "): " + message, loc);
    }

    /** Evaluates a bare expression ({@code foo.bar | default(1)}) to its native value (may be {@link Undefined}). */
    public Object evaluate(String expression, TemplateContext ctx) {
        try {
            return expression(expression.strip(), ctx).single().eval(new Env(this, ctx));
        } catch (EvalError e) {
            throw located(e.getMessage(), expression, e.pos, ctx.loc());
        }
    }

    /** Renders a template file ({@code .j2}) with Ansible's settings (trim_blocks on, a trailing newline kept). */
    public String renderFile(Path file, TemplateContext ctx) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("Could not find or access '" + file + "' on the Ansible Controller.", ctx.loc());
        }
        return renderText(text, file.toString(), ctx.at(Loc.of(file.toString())));
    }

    /** Renders template text; {@code name} is used in error positions. */
    public String renderText(String text, String name, TemplateContext ctx) {
        TemplateContext c = ctx.loc().known() ? ctx : ctx.at(Loc.of(name));
        Compiled t = compile(text, c);
        StringBuilder sb = new StringBuilder();
        try {
            Stmt.renderAll(t.body(), new Env(this, c), sb);
        } catch (EvalError e) {
            throw located(e.getMessage(), text, e.pos, c.loc());
        }
        return sb.toString();
    }

    /** Renders another template file inside a running evaluation ({@code include}, the template lookup). */
    String renderNested(Path file, Env env) {
        String text = Lookups.read(file);
        TemplateContext c = env.ctx.at(Loc.of(file.toString()));
        StringBuilder sb = new StringBuilder();
        try {
            Stmt.renderAll(compile(text, c).body(), env, sb);
        } catch (EvalError e) {
            throw located(e.getMessage(), text, e.pos, c.loc());
        }
        return sb.toString();
    }

    /** What {@code with_<lookupName>: terms} iterates over (terms already templated): the lookup with wantlist=True. */
    public List<Object> loopLookup(String lookupName, Object terms, TemplateContext ctx) {
        try {
            return library.loop(new Env(this, ctx), lookupName, terms);
        } catch (EvalError e) {
            throw new TemplateException(e.getMessage(), ctx.loc());
        }
    }

    private Compiled compile(String text, TemplateContext ctx) {
        Compiled c = templates.get(text);
        if (c != null) return c;
        try {
            List<Ref> refs = new ArrayList<>();
            List<Stmt> body = TemplateParser.parse(text, refs);
            Node single = body.size() == 1 && body.get(0) instanceof Stmt.Output o ? o.expr() : null;
            c = new Compiled(body, single, List.copyOf(refs));
        } catch (ParseError e) {
            throw located("template error while templating string: " + e.getMessage() + ". String: " + text, text, e.pos, ctx.loc());
        }
        if (templates.size() > CACHE_LIMIT) templates.clear();
        templates.put(text, c);
        return c;
    }

    private Compiled expression(String expr, TemplateContext ctx) {
        Compiled c = expressions.get(expr);
        if (c != null) return c;
        try {
            List<Ref> refs = new ArrayList<>();
            Node n = ExprParser.parseWhole(expr, 0, expr.length(), refs);
            c = new Compiled(List.of(), n, List.copyOf(refs));
        } catch (ParseError e) {
            throw located("template error while templating string: " + e.getMessage() + ". String: " + expr, expr, e.pos, ctx.loc());
        }
        if (expressions.size() > CACHE_LIMIT) expressions.clear();
        expressions.put(expr, c);
        return c;
    }

    /**
     * Checks template text without evaluating it (for validation before any host is contacted): a syntax error,
     * and the filters, tests and lookups it names. Cheap: the text is parsed once and the parse is kept for the
     * evaluation that may follow. Text without template syntax gives {@link TemplateCheck#NONE}.
     *
     * @param loc where the text starts in its file (a YAML scalar's position), for the located results
     */
    public TemplateCheck check(String text, Loc loc) {
        if (!isTemplate(text)) return TemplateCheck.NONE;
        try {
            Compiled c = compile(text, TemplateContext.of(Scope.of(Map.of())).at(loc));
            return new TemplateCheck(null, uses(c.refs(), text, loc));
        } catch (TemplateException e) {
            return new TemplateCheck(e, List.of());
        }
    }

    /**
     * Checks a {@code when:} / {@code failed_when:} / {@code until:} conditional as {@link #condition} would read
     * it: a bare expression ({@code result.rc == 0 and x is defined}), or template text when it contains
     * {@code {{ }}}. A syntax error carries the message {@link #condition} fails with.
     */
    public TemplateCheck checkCondition(String conditional, Loc loc) {
        String expr = conditional.strip();
        int lead = conditional.indexOf(expr);
        Loc at = lead > 0 && loc.known() && conditional.lastIndexOf('\n', lead) < 0 ? loc.shift(lead) : loc;
        if (expr.isEmpty()) return TemplateCheck.NONE;
        if (isTemplate(expr)) return check(expr, at);
        try {
            return new TemplateCheck(null, uses(expression(expr, TemplateContext.of(Scope.of(Map.of())).at(at)).refs(), expr, at));
        } catch (TemplateException e) {
            return new TemplateCheck(new TemplateException(conditionFailed(conditional, e.getMessage(), e.loc()).getMessage(), e.loc()), List.of());
        }
    }

    /** Whether a filter, test or lookup of this name (short or collection-qualified) exists. */
    public boolean has(TemplateCheck.Kind kind, String name) {
        return library.has(kind, name);
    }

    private List<TemplateCheck.Use> uses(List<Ref> refs, String text, Loc loc) {
        List<TemplateCheck.Use> out = new ArrayList<>(refs.size());
        List<Ref> sorted = new ArrayList<>(refs);
        sorted.sort(java.util.Comparator.comparingInt(Ref::pos));
        for (Ref r : sorted) {
            boolean known = library.has(r.kind(), r.name());
            Loc at = located("", text, r.pos(), loc).loc();
            out.add(new TemplateCheck.Use(r.kind(), r.name(), at, known, known ? null : library.suggest(r.kind(), r.name())));
        }
        return out;
    }

    /** An error at offset {@code pos} of {@code text}, which starts at {@code base} in its file. */
    private static TemplateException located(String message, String text, int pos, Loc base) {
        if (pos < 0 || base == null) return new TemplateException(message, base);
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = pos - lineStart;
        Loc loc;
        if (!base.known()) loc = new Loc(base.file(), line + 1, col + 1);
        else if (line == 0) loc = base.shift(col);
        else loc = new Loc(base.file(), base.line() + line, col + 1);
        return new TemplateException(message, loc);
    }

    /** Python's {@code ast.literal_eval} of {@code text}, or the text itself when it is not a literal (INI inventory values). */
    public static Object literalOrText(String text) {
        Object v = PyLiteral.eval(text.strip());
        return v == PyLiteral.NOT_LITERAL ? text : v;
    }

    /** Does this value contain template syntax anywhere ({@code {{}}, {@code {%}}, {@code {#}}) or vault text? */
    public static boolean isTemplate(Object value) {
        if (value instanceof Unsafe) return false;
        if (value instanceof VaultText) return true;
        if (value instanceof CharSequence s) {
            String t = s.toString();
            return t.contains("{{") || t.contains("{%") || t.contains("{#");
        }
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) if (isTemplate(e.getKey()) || isTemplate(e.getValue())) return true;
            return false;
        }
        if (value instanceof List<?> l) {
            for (Object o : l) if (isTemplate(o)) return true;
        }
        return false;
    }

    /** Python truthiness: None, False, 0, empty strings and containers are false; Undefined raises. */
    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof CharSequence s) return s.length() > 0;
        if (v instanceof java.util.Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Undefined u) throw new TemplateException(u.message(), null);
        return true;
    }
}
