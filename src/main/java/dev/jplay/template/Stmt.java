package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A template statement; {@link #render} appends output. Immutable and shared between threads. */
interface Stmt {
    void render(Env env, StringBuilder out);

    static void renderAll(List<Stmt> body, Env env, StringBuilder out) {
        for (Stmt s : body) s.render(env, out);
    }

    record Text(String text) implements Stmt {
        public void render(Env env, StringBuilder out) {
            out.append(text);
        }
    }

    record Output(Node expr) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Object v = expr.eval(env);
            if (v instanceof Undefined u) throw new EvalError(u.message(), expr.pos());
            if (v != null) out.append(PyOps.str(v));
        }
    }

    record If(List<Node> conditions, List<List<Stmt>> bodies, List<Stmt> otherwise) implements Stmt {
        public void render(Env env, StringBuilder out) {
            for (int i = 0; i < conditions.size(); i++) {
                if (PyOps.truthy(conditions.get(i).eval(env))) {
                    renderAll(bodies.get(i), env, out);
                    return;
                }
            }
            renderAll(otherwise, env, out);
        }
    }

    record For(List<String> targets, Node iter, Node filter, List<Stmt> body, List<Stmt> otherwise) implements Stmt {
        public void render(Env env, StringBuilder out) {
            List<Object> items = PyOps.iterate(iter.eval(env));
            if (filter != null) {
                List<Object> kept = new ArrayList<>();
                env.push();
                for (Object it : items) {
                    bind(env, it);
                    if (PyOps.truthy(filter.eval(env))) kept.add(it);
                }
                env.pop();
                items = kept;
            }
            if (items.isEmpty()) {
                renderAll(otherwise, env, out);
                return;
            }
            env.push();
            try {
                for (int i = 0; i < items.size(); i++) {
                    bind(env, items.get(i));
                    env.set("loop", new LoopInfo(items, i));
                    try {
                        renderAll(body, env, out);
                    } catch (LoopControl c) {
                        if (c.breaks) break;
                    }
                }
            } finally {
                env.pop();
            }
        }

        private void bind(Env env, Object item) {
            if (targets.size() == 1) {
                env.set(targets.get(0), item);
                return;
            }
            List<Object> parts = PyOps.iterate(item);
            if (parts.size() != targets.size()) {
                throw new EvalError("too many values to unpack (expected " + targets.size() + ")", iter.pos());
            }
            for (int i = 0; i < targets.size(); i++) env.set(targets.get(i), parts.get(i));
        }
    }

    /** {@code break} / {@code continue} inside a for loop. */
    final class LoopControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean breaks;

        LoopControl(boolean breaks) {
            super(null, null, false, false);
            this.breaks = breaks;
        }
    }

    record Jump(boolean breaks) implements Stmt {
        public void render(Env env, StringBuilder out) {
            throw new LoopControl(breaks);
        }
    }

    record Set(List<String> targets, String attr, Node value) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Object v = value.eval(env);
            if (attr != null) {
                Object ns = env.lookup(targets.get(0));
                if (!(ns instanceof Namespace n)) throw new EvalError("can only set attributes on namespace objects", value.pos());
                n.set(attr, v);
                return;
            }
            if (targets.size() == 1) {
                env.set(targets.get(0), v);
                return;
            }
            List<Object> parts = PyOps.iterate(v);
            for (int i = 0; i < targets.size(); i++) env.set(targets.get(i), parts.get(i));
        }
    }

    record SetBlock(String name, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            StringBuilder sb = new StringBuilder();
            renderAll(body, env, sb);
            env.set(name, sb.toString());
        }
    }

    record Do(Node expr) implements Stmt {
        public void render(Env env, StringBuilder out) {
            expr.eval(env);
        }
    }

    record MacroDef(String name, List<String> params, List<Node> defaults, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.set(name, new Macro(this));
        }
    }

    /** A macro as a callable value. */
    record Macro(MacroDef def) implements PyCallable {
        @Override
        public Object call(Env env, List<Object> args, Map<String, Object> kwargs) {
            Map<String, Object> vars = new LinkedHashMap<>();
            int nd = def.defaults().size();
            int firstDefault = def.params().size() - nd;
            for (int i = 0; i < def.params().size(); i++) {
                String p = def.params().get(i);
                if (i < args.size()) vars.put(p, args.get(i));
                else if (kwargs.containsKey(p)) vars.put(p, kwargs.get(p));
                else if (i >= firstDefault) vars.put(p, def.defaults().get(i - firstDefault).eval(env));
                else vars.put(p, Undefined.withMessage("parameter '" + p + "' was not provided"));
            }
            vars.put("varargs", args.size() > def.params().size() ? new ArrayList<>(args.subList(def.params().size(), args.size())) : List.of());
            env.push(vars);
            try {
                StringBuilder sb = new StringBuilder();
                renderAll(def.body(), env, sb);
                return sb.toString();
            } finally {
                env.pop();
            }
        }
    }

    record Include(Node template, boolean ignoreMissing) implements Stmt {
        public void render(Env env, StringBuilder out) {
            String name = PyOps.str(template.eval(env));
            java.nio.file.Path p = env.templar.library().findTemplate(env, name);
            if (p == null) {
                if (ignoreMissing) return;
                throw new EvalError("the template '" + name + "' was not found (searched " + env.ctx.searchPaths() + ")", template.pos());
            }
            out.append(env.templar.renderNested(p, env));
        }
    }

    record FilterBlock(Node.Filter filter, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            StringBuilder sb = new StringBuilder();
            renderAll(body, env, sb);
            Node.Filter f = new Node.Filter(new Node.Const(sb.toString(), filter.pos(), false), filter.name(), filter.args(),
                    filter.kwargs(), filter.pos());
            out.append(PyOps.str(f.eval(env)));
        }
    }

    record With(List<String> names, List<Node> values, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) vars.put(names.get(i), values.get(i).eval(env));
            env.push(vars);
            try {
                renderAll(body, env, out);
            } finally {
                env.pop();
            }
        }
    }

    /** Plain nesting ({@code {% block %}} without inheritance). */
    record Group(List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            renderAll(body, env, out);
        }
    }
}
