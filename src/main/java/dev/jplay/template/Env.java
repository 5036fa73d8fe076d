package dev.jplay.template;

import dev.jplay.data.Unsafe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one evaluation: the variables (template-local frames over the {@link Scope}), the context, and
 * what all parts of one render share (containers the template made, nesting depth, autoescape). One per render;
 * not shared between threads.
 */
final class Env {
    /** How deeply macro calls, includes, imports and recursive loops may nest. */
    static final int MAX_DEPTH = 100;

    final Templar templar;
    final TemplateContext ctx;
    private final Shared shared;
    /** Block definitions of the template being rendered, most derived first ({@code extends}). */
    final Map<String, List<Stmt.Block>> blocks;
    private final Deque<Map<String, Object>> frames;

    /** What every Env of one render shares. */
    private static final class Shared {
        /** Lists and dicts made by this render: only these may be changed by {@code append}, {@code update} ... (made on first use) */
        Set<Object> owned;
        int depth;
        boolean autoescape;
        /** jinja2_native: the render's own output, whose pieces (Jinja2's nodes) are counted; the last one kept. */
        StringBuilder root;
        int nodes;
        Object node;
    }

    Env(Templar templar, TemplateContext ctx) {
        this(templar, ctx, new Shared(), new HashMap<>(2), new ArrayDeque<>(2));
    }

    private Env(Templar templar, TemplateContext ctx, Shared shared, Map<String, List<Stmt.Block>> blocks, Deque<Map<String, Object>> frames) {
        this.templar = templar;
        this.ctx = ctx;
        this.shared = shared;
        this.blocks = blocks;
        this.frames = frames;
    }

    /** The frames where a macro is defined, kept for its calls (they see those variables as they are then). */
    record Closure(Env origin, List<Map<String, Object>> frames) {
        Env env() {
            return new Env(origin.templar, origin.ctx, origin.shared, origin.blocks, new ArrayDeque<>(frames));
        }
    }

    Closure capture() {
        if (frames.isEmpty()) push();
        return new Closure(this, new ArrayList<>(frames));
    }

    /** For an included template: the includer's variables (a copy: its assignments stay its own), new blocks. */
    Env withContext() {
        Map<String, Object> vars = new HashMap<>();
        List<Map<String, Object>> all = new ArrayList<>(frames);
        Collections.reverse(all);
        for (Map<String, Object> f : all) vars.putAll(f);
        Deque<Map<String, Object>> fs = new ArrayDeque<>();
        fs.push(vars);
        return new Env(templar, ctx, shared, new HashMap<>(), fs);
    }

    /** For a template imported or included without context: only the globals. */
    Env withoutContext() {
        return new Env(templar, ctx.withScope(Scope.of(Map.of())), shared, new HashMap<>(), new ArrayDeque<>());
    }

    /** For a template lookup with extra variables: a new render over {@code scope}. */
    Env withScope(Scope scope) {
        return new Env(templar, ctx.withScope(scope), shared, new HashMap<>(), new ArrayDeque<>());
    }

    Object lookup(String name) {
        for (Map<String, Object> f : frames) {
            Object v = f.get(name);
            if (v != null || f.containsKey(name)) return v;
        }
        Object v = ctx.scope().get(name);
        if (v instanceof Undefined) {
            Object g = Library.global(name);
            if (g != null) return g;
        }
        return v instanceof Unsafe u ? u.value() : v;
    }

    void push() {
        frames.push(new HashMap<>());
    }

    void push(Map<String, Object> vars) {
        frames.push(vars);
    }

    void pop() {
        frames.pop();
    }

    /** Assigns in the innermost frame ({@code set}, loop variables). */
    void set(String name, Object value) {
        if (frames.isEmpty()) push();
        frames.peek().put(name, value);
    }

    /** The innermost frame's variables (a module's exports). */
    Map<String, Object> top() {
        if (frames.isEmpty()) push();
        return frames.peek();
    }

    <T> T own(T container) {
        if (shared.owned == null) shared.owned = Collections.newSetFromMap(new IdentityHashMap<>());
        shared.owned.add(container);
        return container;
    }

    boolean owns(Object container) {
        return shared.owned != null && shared.owned.contains(container);
    }

    boolean autoescape(boolean on) {
        boolean before = shared.autoescape;
        shared.autoescape = on;
        return before;
    }

    /** One more level of macro call, include, import or recursive loop. */
    void enter(int pos) {
        if (++shared.depth > MAX_DEPTH) {
            shared.depth--;
            throw new EvalError("template recursion deeper than " + MAX_DEPTH
                    + " levels (macro calls, includes, imports or recursive loops calling themselves)", pos);
        }
    }

    void leave() {
        shared.depth--;
    }

    Object call(PyCallable c, List<Object> args, Map<String, Object> kwargs, int pos) {
        boolean nested = c instanceof Macro;
        if (nested) enter(pos);
        try {
            return Guard.run(() -> c.call(this, args, kwargs), pos, c);
        } finally {
            if (nested) leave();
        }
    }

    Object filter(Node.Filter node, Object value, List<Object> args, Map<String, Object> kw) {
        return filter(node.name(), node.fn(), value, args, kw, node.pos());
    }

    /** Applies a filter by name ({@code map('upper')}); {@code pos} -1 when there is no node. */
    Object filter(String name, Fn.Filter fn, Object value, List<Object> args, Map<String, Object> kw, int pos) {
        if (fn == null) throw EvalError.unknown(name, pos);
        String shortName = Library.shortName(name);
        Object v = value;
        if (v instanceof Undefined u && !Library.UNDEFINED_OK.contains(shortName)) {
            if (!u.isLenient()) throw EvalError.undefined(u, pos);
            v = "";
        }
        Object in = v;
        return Guard.run(() -> fn.apply(this, in, new Fn.Args(shortName, args, kw)), pos, name);
    }

    boolean test(Node.Test node, Object value, List<Object> args, Map<String, Object> kw) {
        return test(node.name(), node.fn(), value, args, kw, node.pos());
    }

    boolean test(String name, Fn.Test fn, Object value, List<Object> args, Map<String, Object> kw, int pos) {
        if (fn == null) throw EvalError.unknown(name, pos);
        return Guard.run(() -> fn.test(this, value, new Fn.Args(Library.shortName(name), args, kw)), pos, name);
    }

    /** Output of {@code {{ }}}: None prints nothing (Ansible's finalize), a lenient Undefined nothing, a strict one fails. */
    /**
     * Renders with jinja2_native's output rules into {@code root}: None prints as {@code None} (no finalize), and the
     * pieces written to {@code root} are counted ({@link #nodes()}, {@link #lastNode()}) for the native concat.
     */
    void nativeOutput(StringBuilder root) {
        shared.root = root;
    }

    /** How many pieces (text and printed values) a native render wrote to its output. */
    int nodes() {
        return shared.nodes;
    }

    /** The value of the last piece a native render wrote (its text, or the printed value itself). */
    Object lastNode() {
        return shared.node;
    }

    /** Appends template text. */
    void text(String text, StringBuilder out) {
        if (out == shared.root) node(text);
        out.append(text);
    }

    private void node(Object v) {
        shared.nodes++;
        shared.node = v;
    }

    void print(Object v, int pos, StringBuilder out) {
        if (v instanceof Undefined u) {
            if (!u.isLenient()) throw EvalError.undefined(u, pos);
            if (out == shared.root) node("");
            return;
        }
        if (shared.root != null) {
            if (out == shared.root) node(v);
            if (v == null) {
                out.append("None");
                return;
            }
        }
        if (v == null) return;
        String s;
        try {
            s = PyOps.str(v);
        } catch (EvalError e) {
            throw e.at(pos);
        }
        out.append(shared.autoescape && !(v instanceof Markup) ? Markup.escape(s).text() : s);
    }

    void warn(String message) {
        templar.warn(message);
    }
}
