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

    static String renderToString(List<Stmt> body, Env env) {
        StringBuilder sb = new StringBuilder();
        renderAll(body, env, sb);
        return sb.toString();
    }

    record Text(String text) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.text(text, out);
        }
    }

    /** {@code {{ expr }}} and {@code {% print expr %}}: None prints as nothing, as Ansible's finalize does. */
    record Output(Node expr) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.print(expr.eval(env), expr.pos(), out);
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

    /** {@code {% for target in iter if filter recursive %}...{% else %}...{% endfor %}}. */
    record For(Target target, Node iter, Node filter, boolean recursive, List<Stmt> body, List<Stmt> otherwise) implements Stmt {
        public void render(Env env, StringBuilder out) {
            run(env, iter.eval(env), 1, out);
        }

        void run(Env env, Object iterable, int depth, StringBuilder out) {
            List<Object> items = PyOps.iterate(iterable);
            env.push();
            try {
                if (filter != null) {
                    List<Object> kept = new ArrayList<>();
                    for (Object it : items) {
                        target.bind(env, it, iter.pos());
                        if (PyOps.truthy(filter.eval(env))) kept.add(it);
                    }
                    items = kept;
                }
                if (items.isEmpty()) {
                    env.pop();
                    env.push();
                    renderAll(otherwise, env, out);
                    return;
                }
                LoopInfo.Run loop = new LoopInfo.Run(items, depth, recursive ? this : null);
                for (int i = 0; i < items.size(); i++) {
                    target.bind(env, items.get(i), iter.pos());
                    env.set("loop", new LoopInfo(loop, i));
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
    }

    /** {@code break} / {@code continue} (the loopcontrols extension). */
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

    /** {@code {% do expr %}} (the do extension). */
    record Do(Node expr) implements Stmt {
        public void render(Env env, StringBuilder out) {
            expr.eval(env);
        }
    }

    record Set(Target target, Node value) implements Stmt {
        public void render(Env env, StringBuilder out) {
            target.bind(env, value.eval(env), value.pos());
        }
    }

    /** {@code {% set x | filter %}body{% endset %}}. */
    record SetBlock(Target target, List<Node.Filter> filters, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Object v = renderToString(body, env);
            for (Node.Filter f : filters) v = f.apply(env, v);
            target.bind(env, v, -1);
        }
    }

    /** {@code {% filter f | g %}body{% endfilter %}}. */
    record FilterBlock(List<Node.Filter> filters, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.push();
            Object v;
            try {
                v = renderToString(body, env);
            } finally {
                env.pop();
            }
            for (Node.Filter f : filters) v = f.apply(env, v);
            env.print(v, filters.get(0).pos(), out);
        }
    }

    record MacroDef(Macro.Signature signature, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.set(signature.name(), new Macro(signature, body, env.capture()));
        }
    }

    /** {@code {% call(args) macro(...) %}body{% endcall %}}: the body is the macro's {@code caller}. */
    record CallBlock(Node.Call call, Macro.Signature signature, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Object f = call.fn().eval(env);
            if (!(f instanceof PyCallable c)) throw EvalError.type("'" + PyOps.typeName(f) + "' object is not callable", call.pos());
            Map<String, Object> kw = new LinkedHashMap<>(Node.evalKw(call.kwargs(), call.starStar(), env));
            kw.put("caller", new Macro(signature, body, env.capture()));
            List<Object> args = Node.evalAll(call.args(), env);
            if (call.star() != null) args.addAll(PyOps.iterate(call.star().eval(env)));
            env.print(env.call(c, args, kw, call.pos()), call.pos(), out);
        }
    }

    record With(List<Target> targets, List<Node> values, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            List<Object> vs = Node.evalAll(values, env);
            env.push();
            try {
                for (int i = 0; i < targets.size(); i++) targets.get(i).bind(env, vs.get(i), values.get(i).pos());
                renderAll(body, env, out);
            } finally {
                env.pop();
            }
        }
    }

    /** {@code {% autoescape true %}}: output in the body is HTML-escaped unless marked safe. */
    record Autoescape(Node enabled, List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            boolean before = env.autoescape(PyOps.truthy(enabled.eval(env)));
            try {
                renderAll(body, env, out);
            } finally {
                env.autoescape(before);
            }
        }
    }

    record Include(Node template, boolean ignoreMissing, boolean withContext) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Templates.include(env, template, ignoreMissing, withContext, out);
        }
    }

    /** {@code {% import 'x' as m %}}. */
    record Import(Node template, String alias, boolean withContext) implements Stmt {
        public void render(Env env, StringBuilder out) {
            env.set(alias, Templates.module(env, template, withContext));
        }
    }

    /** {@code {% from 'x' import a, b as c %}}. */
    record FromImport(Node template, List<String> names, List<String> aliases, boolean withContext) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Templates.Module m = Templates.module(env, template, withContext);
            for (int i = 0; i < names.size(); i++) {
                Object v = m.attribute(names.get(i));
                if (v instanceof Undefined) {
                    v = Undefined.withMessage("the template " + m.name() + " does not export the requested name '" + names.get(i) + "'");
                }
                env.set(aliases.get(i), v);
            }
        }
    }

    /** {@code {% extends 'base' %}}: the rest of this template only defines blocks for the base. */
    record Extends(Node template) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Templates.extend(env, template);
        }
    }

    /** {@code {% block name %}}: renders the most derived definition of the block. */
    record Block(String name, List<Stmt> body, boolean scoped) implements Stmt {
        public void render(Env env, StringBuilder out) {
            Templates.block(env, name, out);
        }
    }

    /** Statements rendered in order ({@code {% print a, b %}}). */
    record Group(List<Stmt> body) implements Stmt {
        public void render(Env env, StringBuilder out) {
            renderAll(body, env, out);
        }
    }
}
