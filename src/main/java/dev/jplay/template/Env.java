package dev.jplay.template;

import dev.jplay.data.Unsafe;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one evaluation: the variables (template-local frames over the {@link Scope}), the context, and the
 * engine's filters, tests, lookups and globals. One per render; not shared between threads.
 */
final class Env {
    final Templar templar;
    final TemplateContext ctx;
    private final Deque<Map<String, Object>> frames = new ArrayDeque<>();

    Env(Templar templar, TemplateContext ctx) {
        this.templar = templar;
        this.ctx = ctx;
    }

    Object lookup(String name) {
        for (Map<String, Object> f : frames) {
            if (f.containsKey(name)) return f.get(name);
        }
        Object v = ctx.scope().get(name);
        if (v instanceof Undefined) {
            Object g = templar.library().global(name);
            if (g != null) return g;
        }
        return v instanceof Unsafe u ? u.value() : v;
    }

    void push() {
        frames.push(new HashMap<>());
    }

    void push(Map<String, Object> vars) {
        frames.push(new HashMap<>(vars));
    }

    void pop() {
        frames.pop();
    }

    /** Assigns in the innermost frame (template {@code set}, loop variables). */
    void set(String name, Object value) {
        if (frames.isEmpty()) push();
        frames.peek().put(name, value);
    }

    /** Frames for a macro body: the caller's template-level variables stay visible, as in Jinja2. */
    Deque<Map<String, Object>> snapshot() {
        return new ArrayDeque<>(frames);
    }

    Object filter(String name, Object value, List<Object> args, Map<String, Object> kw, int pos) {
        Fn.Filter f = templar.library().filter(name);
        if (f == null) throw new EvalError("No filter named '" + name + "'.", pos);
        if (value instanceof Undefined u && !Library.UNDEFINED_OK.contains(Library.shortName(name))) throw new EvalError(u.message(), pos);
        return guard(() -> f.apply(this, value, new Fn.Args(args, kw)), pos);
    }

    boolean test(String name, Object value, List<Object> args, int pos) {
        Fn.Test t = templar.library().test(name);
        if (t == null) throw new EvalError("No test named '" + name + "'.", pos);
        return guard(() -> t.test(this, value, new Fn.Args(args, Map.of())), pos);
    }

    void warn(String message) {
        templar.warn(message);
    }

    private interface Body<T> {
        T run();
    }

    private static <T> T guard(Body<T> body, int pos) {
        try {
            return body.run();
        } catch (EvalError e) {
            throw e.pos >= 0 ? e : new EvalError(e.getMessage(), pos);
        } catch (TemplateException e) {
            throw e;
        } catch (ClassCastException | IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new EvalError(e.getMessage() == null ? e.toString() : e.getMessage(), pos);
        }
    }
}
