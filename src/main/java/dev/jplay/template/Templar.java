package dev.jplay.template;

import dev.jplay.data.Tuple;
import dev.jplay.data.Unsafe;
import dev.jplay.data.VaultText;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Jinja2 engine as the rest of jplay sees it. Thread-safe; parsed templates are cached by their text.
 * Semantics follow Ansible 2.14 with {@code jinja2_native=False} (see the method docs), or with
 * {@code jinja2_native=True} when the settings say so (template strings only: files and the template lookup
 * render text, as Ansible's template action and lookup do).
 */
public final class Templar {
    private static final int CACHE_LIMIT = 20_000;
    /** How Ansible begins the message of a type error about an undefined value (an AnsibleUndefinedVariable). */
    private static final String UNDEFINED_TYPE_ERROR = "Unable to look up a name or access an attribute";
    /** How deeply templating may nest (a variable whose value templates another variable, and so on). */
    public static final int MAX_NESTING = 200;

    /** Parsed templates by syntax, then text (playbook strings and template files are the two usual syntaxes). */
    private final Map<String, Compiled> strings = new ConcurrentHashMap<>();
    private final Map<String, Compiled> files = new ConcurrentHashMap<>();
    private final Map<Syntax, Map<String, Compiled>> templates = new ConcurrentHashMap<>();
    private final Map<String, Compiled> conditions = new ConcurrentHashMap<>();
    private final Map<String, Compiled> expressions = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;
    private final Set<String> extensions;
    private final Function<String, Optional<Object>> settings;
    /** Ansible's jinja2_native: template strings render to native values (see {@link NativeConcat}). */
    private final boolean jinja2Native;
    /** Ansible's STRING_TYPE_FILTERS: with jinja2_native, a template that is one of these filters stays text. */
    private final Set<String> stringTypeFilters;
    private final ThreadLocal<int[]> nesting = ThreadLocal.withInitial(() -> new int[1]);

    public Templar() {
        this(w -> { });
    }

    /** A templar that reports warnings (e.g. templated conditionals) to {@code warnings}. */
    public Templar(Consumer<String> warnings) {
        this(warnings, Set.of(), name -> Optional.empty());
    }

    /**
     * @param jinja2Extensions Ansible's {@code jinja2_extensions} setting: {@code jinja2.ext.do} enables
     *                         {@code {% do %}}, {@code jinja2.ext.loopcontrols} {@code {% break %}} and {@code {% continue %}}
     * @param settings         Ansible's settings by name ({@code DEFAULT_BECOME_USER}), for the config lookup; empty
     *                         for a name that is not a setting. {@code DEFAULT_JINJA2_NATIVE} true makes template
     *                         strings render to native values, as Ansible's jinja2_native does
     */
    public Templar(Consumer<String> warnings, Collection<String> jinja2Extensions, Function<String, Optional<Object>> settings) {
        this.warnings = warnings;
        this.settings = settings;
        this.jinja2Native = Boolean.TRUE.equals(settings.apply("DEFAULT_JINJA2_NATIVE").orElse(false));
        this.stringTypeFilters = settings.apply("STRING_TYPE_FILTERS").map(v -> v instanceof List<?> l ? l : List.of(v))
                .map(l -> Set.copyOf(l.stream().map(PyOps::str).toList())).orElse(NativeConcat.STRING_TYPE_FILTERS);
        Set<String> tags = new java.util.HashSet<>();
        for (String ext : jinja2Extensions) {
            switch (ext.strip()) {
                case "jinja2.ext.do" -> tags.add("do");
                case "jinja2.ext.loopcontrols" -> tags.addAll(List.of("break", "continue"));
                default -> warn("jplay does not know the Jinja2 extension '" + ext.strip() + "'; it is not loaded");
            }
        }
        this.extensions = Set.copyOf(tags);
    }

    void warn(String message) {
        warnings.accept(message);
    }

    /** Whether template strings render to native values (Ansible's jinja2_native setting). */
    boolean jinja2Native() {
        return jinja2Native;
    }

    /** One of Ansible's settings by name ({@code ERROR_ON_MISSING_HANDLER}), empty when unknown. */
    public Optional<Object> setting(String name) {
        return settings.apply(name);
    }

    /**
     * Templates a value deeply, as Ansible's {@code Templar.template}: strings containing {@code {{}}, {@code {%}} or
     * {@code {#}} are rendered, dict values and list items recursively (dict keys are left as they are), other values
     * returned unchanged. A string that is exactly {@code {{ name }}} of a number, boolean or null variable gives
     * that value; a rendered string that reads as a list, dict or boolean literal becomes that value.
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
            for (var e : m.entrySet()) out.put(PyOps.keyString(e.getKey()), template(e.getValue(), ctx));
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
        int[] depth = nesting.get();
        if (depth[0] >= MAX_NESTING) {
            throw new TemplateException("template recursion deeper than " + MAX_NESTING + " levels while templating " + text,
                    ctx.loc(), "a variable probably refers to itself through other variables");
        }
        depth[0]++;
        try {
            String name = singleVariable(text);
            if (name != null) {
                Object v = ctx.scope().get(name);
                if (v == null || v instanceof Boolean || v instanceof Number) return v;
            }
            return render(text, ctx);
        } finally {
            depth[0]--;
        }
    }

    private Object render(String text, TemplateContext ctx) {
        Compiled c = compile(text, Syntax.STRING, ctx);
        try {
            Object v;
            if (jinja2Native) {
                StringBuilder sb = new StringBuilder();
                Env env = new Env(this, ctx);
                env.nativeOutput(sb);
                Templates.render(c, env, sb);
                v = NativeConcat.of(env.nodes(), env.lastNode(), sb.toString(), c.single() != null && stringFilter(c.single()));
                if (v instanceof VaultText vt) v = ctx.scope().decrypt(vt);
                return v instanceof String s ? preserveNewlines(text, s, "\n") : v;
            }
            if (c.single() != null) {
                c.checkNames();
                Object out = c.single().eval(new Env(this, ctx));
                if (out instanceof Undefined u) {
                    if (!u.isLenient()) failUndefined(u, c.single().pos());
                    out = "";
                }
                String s = out == null ? "" : PyOps.str(out);
                if (c.text()) return s;
                v = fromText(s);
                return v instanceof String r ? preserveNewlines(text, r, "\n") : v;
            }
            StringBuilder sb = new StringBuilder();
            Templates.render(c, new Env(this, ctx), sb);
            v = fromText(sb.toString());
            if (v instanceof String s) return preserveNewlines(text, s, "\n");
            return v;
        } catch (SourceException e) {
            throw e;
        } catch (RuntimeException ex) {
            EvalError e = Guard.escaped(ex);
            throw failed(e, text, text, ctx.loc());
        } catch (StackOverflowError e) {
            throw new TemplateException("template recursion too deep while templating " + text + " (the JVM's stack ran out)", ctx.loc());
        }
    }

    /** Whether {@code n} is a call of one of the STRING_TYPE_FILTERS (its text is not read as a literal). */
    private boolean stringFilter(Node n) {
        return n instanceof Node.Filter f && stringTypeFilters.contains(f.name());
    }

    /** The name in text that is exactly {@code {{ name }}} (Ansible's SINGLE_VAR), or null. */
    private static String singleVariable(String text) {
        int n = text.length();
        if (n < 5 || !text.startsWith("{{") || !text.endsWith("}}")) return null;
        int a = 2;
        int b = n - 2;
        while (a < b && PyOps.isSpace(text.charAt(a))) a++;
        while (b > a && PyOps.isSpace(text.charAt(b - 1))) b--;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') return null;
        }
        return text.substring(a, b);
    }

    private static Object failUndefined(Undefined u, int pos) {
        throw EvalError.undefined(u, pos);
    }

    /** The message Ansible reports for an evaluation error in template {@code text}. */
    private static String message(EvalError e, String text) {
        return switch (e.kind) {
            // a type error naming an undefined value's class is reported as an undefined variable, with the message
            // twice (Ansible wraps the error once more)
            case TYPE -> e.getMessage().contains("AnsibleUndefined")
                    ? UNDEFINED_TYPE_ERROR + " in template string (" + text + ").\nMake sure your variable name does "
                            + "not contain invalid characters like '-': " + e.getMessage() + ". " + e.getMessage()
                    : "Unexpected templating type error occurred on (" + text + "): " + e.getMessage();
            case SYNTAX -> "template error while templating string: " + e.getMessage() + ". String: " + text;
            default -> e.getMessage();
        };
    }

    /** Ansible puts back the newlines the template text ended with (Jinja2 drops one). */
    private static String preserveNewlines(String template, String out, String newline) {
        int want = trailingNewlines(template);
        int have = trailingNewlines(out);
        return want > have ? out + newline.repeat(want - have) : out;
    }

    private static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) n++;
        return n;
    }

    /** Ansible's post-processing: rendered text that looks like a list, dict or boolean becomes one. */
    private static Object fromText(String out) {
        if (out.startsWith("[") || out.startsWith("{") || out.equals("True") || out.equals("False")) {
            Object v = PyLiteral.eval(out);
            if (v != PyLiteral.NOT_LITERAL) return v;
        }
        return out;
    }

    /**
     * A {@code when:}-style conditional: a bare expression, a boolean, or a list of them (all must hold). As in
     * Ansible, a conditional with {@code {{ }}} is templated first and the result evaluated as an expression.
     */
    public boolean condition(Object conditional, TemplateContext ctx) {
        if (conditional == null) return true;
        if (conditional instanceof Boolean b) return b;
        if (conditional instanceof Map<?, ?> m) return !m.isEmpty(); // as Ansible: a value that is not text is judged by its truth
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
                if (!(r instanceof String s)) return PyOps.truthy(r);
                expr = s.strip();
                if (expr.isEmpty()) return false;
            }
            if (PyOps.isNumber(conditional)) return PyOps.truthy(conditional);
            Compiled c = expression(expr, false, ctx);
            c.checkNames();
            return PyOps.truthy(c.single().eval(new Env(this, ctx)));
        } catch (TemplateException e) {
            throw conditionFailed(original, e.getMessage(), e.loc() == null ? ctx.loc() : e.loc());
        } catch (SourceException e) {
            throw e;
        } catch (RuntimeException ex) {
            EvalError e = Guard.escaped(ex);
            String presented = "{% if " + expr + " %} True {% else %} False {% endif %}";
            String msg = e.kind == EvalError.Kind.UNDEFINED ? "error while evaluating conditional (" + original + "): " + e.getMessage()
                    : message(e, presented);
            throw conditionFailed(original, msg, located("", expr, e.pos, ctx.loc()).loc());
        }
    }

    private static TemplateException conditionFailed(String conditional, String message, Loc loc) {
        return new TemplateException("The conditional check '" + conditional + "' failed. The error was: " + message, loc);
    }

    /** Evaluates a bare expression ({@code foo.bar | default(1)}, {@code debug: var=}) to its native value (may be {@link Undefined}). */
    public Object evaluate(String expression, TemplateContext ctx) {
        String expr = expression.strip();
        try {
            Compiled c = expression(expr, true, ctx);
            c.checkNames();
            return c.single().eval(new Env(this, ctx));
        } catch (SourceException e) {
            throw e;
        } catch (RuntimeException ex) {
            EvalError e = Guard.escaped(ex);
            throw failed(e, "{{ " + expr + " }}", expr, ctx.loc());
        }
    }

    /**
     * The variables Ansible adds while rendering template file {@code template} (generate_ansible_template_vars):
     * template_host, template_path, template_mtime and template_run_date (datetimes), template_uid (the file's
     * owner), template_fullpath, template_destpath and ansible_managed (the DEFAULT_MANAGED_STR setting, default
     * "Ansible managed", with {host}, {uid}, {file} and strftime codes filled in from the file's mtime).
     */
    public Map<String, Object> templateVars(Path template, String destPath) {
        Map<String, Object> vars = new java.util.LinkedHashMap<>();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String uid;
        java.time.LocalDateTime mtime;
        try {
            uid = java.nio.file.Files.getOwner(template).getName();
            // Python's fromtimestamp(float): the nearest microsecond
            mtime = java.time.LocalDateTime.ofInstant(java.nio.file.Files.getLastModifiedTime(template).toInstant(), java.time.ZoneId.systemDefault())
                    .plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            uid = System.getProperty("user.name");
            mtime = java.time.LocalDateTime.now();
        }
        vars.put("template_host", host);
        vars.put("template_path", template.toString());
        vars.put("template_mtime", new PyTime.DateTime(mtime));
        vars.put("template_uid", uid);
        vars.put("template_run_date", new PyTime.DateTime(java.time.LocalDateTime.now()));
        vars.put("template_destpath", destPath);
        vars.put("template_fullpath", template.toAbsolutePath().toString());
        String managed = PyOps.str(setting("DEFAULT_MANAGED_STR").orElse("Ansible managed"))
                .replace("{host}", host).replace("{uid}", uid).replace("{file}", template.toString());
        vars.put("ansible_managed", PyTime.strftime(mtime.atZone(java.time.ZoneId.systemDefault()), managed, true));
        return vars;
    }

    /** Renders a template file ({@code .j2}) as the template module does (trim_blocks on, the trailing newlines kept). */
    public String renderFile(Path file, TemplateContext ctx) {
        return renderFile(file, ctx, Map.of());
    }

    /**
     * Renders a template file with the template module's Jinja2 options ({@code trim_blocks}, {@code lstrip_blocks},
     * {@code newline_sequence}, {@code variable_start_string}, ... as named in the module's arguments).
     */
    public String renderFile(Path file, TemplateContext ctx, Map<String, Object> options) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("Could not find or access '" + file + "' on the Ansible Controller.", ctx.loc());
        }
        TemplateContext c = ctx.at(Loc.of(file.toString()));
        Syntax sx;
        try {
            sx = Syntax.FILE.with(options);
        } catch (EvalError e) {
            throw new TemplateException(e.getMessage(), ctx.loc());
        }
        return renderText(text, sx, c);
    }

    /** Renders template text (file syntax); {@code name} is used in error positions. */
    public String renderText(String text, String name, TemplateContext ctx) {
        return renderText(text, Syntax.FILE, ctx.loc().known() ? ctx : ctx.at(Loc.of(name)));
    }

    private String renderText(String text, Syntax syntax, TemplateContext ctx) {
        Compiled t = compile(text, syntax, ctx);
        StringBuilder sb = new StringBuilder();
        try {
            Templates.render(t, new Env(this, ctx), sb);
        } catch (SourceException e) {
            throw e;
        } catch (RuntimeException ex) {
            EvalError e = Guard.escaped(ex);
            throw failed(e, text, text, ctx.loc());
        } catch (StackOverflowError e) {
            throw new TemplateException("template recursion too deep in " + ctx.loc().file() + " (the JVM's stack ran out)", ctx.loc());
        }
        String nl = syntax.newline();
        return preserveNewlines(text, sb.toString(), nl);
    }

    /** Renders a template file inside a running evaluation (the template lookup); the result keeps its trailing newlines. */
    String renderNested(Path file, Env env, Syntax syntax) {
        String text = Lookups.read(file);
        TemplateContext c = env.ctx.at(Loc.of(file.toString()));
        StringBuilder sb = new StringBuilder();
        try {
            Templates.render(compile(text, syntax, c), env, sb);
        } catch (EvalError e) {
            throw failed(e, text, text, c.loc());
        }
        return preserveNewlines(text, sb.toString(), syntax.newline());
    }

    /** A template file for include, import and extends (cached by its text). */
    Compiled compileFile(Path file) {
        String text = Lookups.read(file);
        return compile(text, Syntax.FILE, TemplateContext.of(Scope.of(Map.of())).at(Loc.of(file.toString())));
    }

    /** The template file {@code name} in the search path (its {@code templates/} subdirectories first), or null. */
    Path findTemplate(TemplateContext ctx, String name) {
        return Lookups.find(ctx, name, "templates");
    }

    /** What {@code with_<lookupName>: terms} iterates over (terms already templated): the lookup with wantlist=True. */
    public List<Object> loopLookup(String lookupName, Object terms, TemplateContext ctx) {
        try {
            return Library.loop(new Env(this, ctx), lookupName, terms);
        } catch (EvalError | Library.LookupFailure e) {
            throw new TemplateException(e.getMessage(), ctx.loc());
        }
    }

    private Compiled compile(String text, Syntax syntax, TemplateContext ctx) {
        Map<String, Compiled> cache = syntax == Syntax.STRING ? strings : syntax == Syntax.FILE ? files
                : templates.computeIfAbsent(syntax, s -> new ConcurrentHashMap<>());
        Compiled c = cache.get(text);
        if (c != null) return c;
        String body = text;
        Syntax sx = syntax;
        int offset = 0;
        try {
            Syntax.Header h = syntax.header(text);
            if (h != null) {
                sx = h.syntax();
                body = text.substring(h.bodyStart());
                offset = h.bodyStart();
            }
            List<Ref> refs = new ArrayList<>();
            TemplateParser.Parsed p = TemplateParser.parse(body, sx, refs, extensions);
            Node single = p.body().size() == 1 && p.body().get(0) instanceof Stmt.Output o ? o.expr() : null;
            if (offset > 0) refs = shift(refs, offset);
            c = new Compiled(ctx.loc().file(), p.body(), single, List.copyOf(refs), p.blocks());
        } catch (ParseError e) {
            throw located("template error while templating string: " + e.getMessage() + ". String: " + text, text,
                    e.pos < 0 ? -1 : e.pos + offset, ctx.loc());
        } catch (StackOverflowError e) {
            throw new TemplateException("template error while templating string: nested too deeply to parse. String: " + text, ctx.loc());
        } catch (EvalError e) {
            throw located(e.getMessage(), text, 0, ctx.loc());
        }
        if (cache.size() > CACHE_LIMIT) cache.clear();
        cache.put(text, c);
        return c;
    }

    private static List<Ref> shift(List<Ref> refs, int offset) {
        List<Ref> out = new ArrayList<>(refs.size());
        for (Ref r : refs) out.add(new Ref(r.kind(), r.name(), r.pos() + offset, r.direct()));
        return out;
    }

    /** A bare expression; {@code inlineIf}: as inside {@code {{ }}}, else as a conditional inside {@code {% if %}}. */
    private Compiled expression(String expr, boolean inlineIf, TemplateContext ctx) {
        Map<String, Compiled> cache = inlineIf ? expressions : conditions;
        Compiled c = cache.get(expr);
        if (c != null) return c;
        try {
            List<Ref> refs = new ArrayList<>();
            Node n = ExprParser.parseWhole(expr, refs, inlineIf);
            c = new Compiled("<expression>", List.of(), n, List.copyOf(refs), Map.of());
        } catch (ParseError e) {
            String shown = inlineIf ? "{{ " + expr + " }}" : "{% if " + expr + " %} True {% else %} False {% endif %}";
            throw located("template error while templating string: " + e.getMessage() + ". String: " + shown, expr, e.pos, ctx.loc());
        }
        if (cache.size() > CACHE_LIMIT) cache.clear();
        cache.put(expr, c);
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
        return check(text, Syntax.STRING, loc);
    }

    private TemplateCheck check(String text, Syntax syntax, Loc loc) {
        if (!isTemplate(text)) return TemplateCheck.NONE;
        try {
            Compiled c = compile(text, syntax, TemplateContext.of(Scope.of(Map.of())).at(loc));
            return new TemplateCheck(null, uses(c.refs(), text, loc));
        } catch (TemplateException e) {
            return new TemplateCheck(e, List.of());
        }
    }

    /**
     * Checks a template file ({@code .j2}) as {@link #check} checks text, with the template module's Jinja2 options
     * ({@link #renderFile(Path, TemplateContext, Map)}); positions are in the file. An unreadable file, or options that
     * are not valid, give {@link TemplateCheck#NONE}: rendering reports those.
     */
    public TemplateCheck checkFile(Path file, Map<String, Object> options) {
        String text;
        Syntax sx;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            sx = Syntax.FILE.with(options);
        } catch (IOException | EvalError | java.io.UncheckedIOException e) {
            return TemplateCheck.NONE;
        }
        return check(text, sx, Loc.of(file.toString()));
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
            return new TemplateCheck(null, uses(expression(expr, false, TemplateContext.of(Scope.of(Map.of())).at(at)).refs(), expr, at));
        } catch (TemplateException e) {
            return new TemplateCheck(conditionFailed(conditional, e.getMessage(), e.loc()), List.of());
        }
    }

    /** Whether a filter, test or lookup of this name (short or collection-qualified) exists. */
    public boolean has(TemplateCheck.Kind kind, String name) {
        return Library.has(kind, name);
    }

    private static List<TemplateCheck.Use> uses(List<Ref> refs, String text, Loc loc) {
        List<TemplateCheck.Use> out = new ArrayList<>(refs.size());
        List<Ref> sorted = new ArrayList<>(refs);
        sorted.sort(java.util.Comparator.comparingInt(Ref::pos));
        for (Ref r : sorted) {
            boolean known = Library.has(r.kind(), r.name());
            Loc at = located("", text, r.pos(), loc).loc();
            out.add(new TemplateCheck.Use(r.kind(), r.name(), at, known, known ? null : Library.suggest(r.kind(), r.name()), r.direct()));
        }
        return out;
    }

    /** Evaluation error {@code e} of template {@code shown} (source {@code text}, at {@code base}), as Ansible reports it. */
    private static TemplateException failed(EvalError e, String shown, String text, Loc base) {
        String msg = message(e, shown);
        return located(msg, text, e.pos, base, e.kind == EvalError.Kind.UNDEFINED || msg.startsWith(UNDEFINED_TYPE_ERROR));
    }

    /** An error at offset {@code pos} of {@code text}, which starts at {@code base} in its file. */
    private static TemplateException located(String message, String text, int pos, Loc base) {
        return located(message, text, pos, base, false);
    }

    private static TemplateException located(String message, String text, int pos, Loc base, boolean undefined) {
        if (pos < 0 || base == null) return new TemplateException(message, base, undefined);
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
        return new TemplateException(message, loc, undefined);
    }

    /** Python's {@code ast.literal_eval} of {@code text}, or the text itself when it is not a literal (INI inventory values). */
    public static Object literalOrText(String text) {
        Object v = PyLiteral.eval(text.strip());
        if (v instanceof Tuple) return text;
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
            for (Object v : m.values()) if (isTemplate(v)) return true;
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
