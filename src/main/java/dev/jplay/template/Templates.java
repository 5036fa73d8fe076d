package dev.jplay.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Templates that use other templates: {@code include}, {@code import}, {@code from ... import}, {@code extends} and blocks. */
final class Templates {
    private Templates() {}

    /** What {@code {% import %}} gives: the macros and top-level variables of a template. */
    record Module(String name, Map<String, Object> exports) implements Attributes {
        @Override
        public Object attribute(String attr) {
            Object v = exports.get(attr);
            if (v == null && !exports.containsKey(attr)) return Undefined.withMessage("'" + name + "' has no attribute '" + attr + "'");
            return v;
        }

        @Override
        public String toString() {
            return "<Module '" + name + "'>";
        }
    }

    /** Renders a template with its blocks; a top-level {@code extends} hands the output over to the base template. */
    static void render(Compiled c, Env env, StringBuilder out) {
        c.checkNames();
        for (var e : c.blocks().entrySet()) env.blocks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        Compiled parent = null;
        for (Stmt s : c.body()) {
            if (s instanceof Stmt.Extends x) {
                if (parent != null) throw new EvalError("extended multiple times", x.template().pos());
                parent = load(env, x.template().eval(env), false, x.template().pos());
            } else if (parent == null) {
                s.render(env, out);
            } else if (!(s instanceof Stmt.Text || s instanceof Stmt.Output || s instanceof Stmt.Block)) {
                // after extends only definitions run (set, macro, import); the base template makes the output
                s.render(env, new StringBuilder());
            }
        }
        if (parent == null) return;
        env.enter(-1);
        try {
            render(parent, env, out);
        } finally {
            env.leave();
        }
    }

    /** The template named {@code name} (or the first found of a list of names); null when missing and {@code ignoreMissing}. */
    static Compiled load(Env env, Object name, boolean ignoreMissing, int pos) {
        List<Object> names = name instanceof List<?> l ? new ArrayList<>(l) : List.of(name);
        for (Object n : names) {
            if (n instanceof Undefined u) throw EvalError.undefined(u, pos);
            Path p = env.templar.findTemplate(env.ctx, PyOps.str(n));
            if (p != null) return env.templar.compileFile(p);
        }
        if (ignoreMissing) return null;
        if (names.size() == 1) throw new EvalError("TemplateNotFound: " + PyOps.str(names.get(0)), pos);
        throw new EvalError("TemplatesNotFound: none of the templates given were found: "
                + String.join(", ", names.stream().map(PyOps::str).toList()), pos);
    }

    static void include(Env env, Node template, boolean ignoreMissing, boolean withContext, StringBuilder out) {
        Compiled c = load(env, template.eval(env), ignoreMissing, template.pos());
        if (c == null) return;
        env.enter(template.pos());
        try {
            render(c, withContext ? env.withContext() : env.withoutContext(), out);
        } finally {
            env.leave();
        }
    }

    static Module module(Env env, Node template, boolean withContext) {
        Compiled c = load(env, template.eval(env), false, template.pos());
        env.enter(template.pos());
        try {
            Env sub = withContext ? env.withContext() : env.withoutContext();
            sub.push(new HashMap<>());
            render(c, sub, new StringBuilder());
            Map<String, Object> exports = new HashMap<>();
            sub.top().forEach((k, v) -> {
                if (!k.startsWith("_")) exports.put(k, v);
            });
            return new Module(c.name(), exports);
        } finally {
            env.leave();
        }
    }

    /** An {@code extends} that is not at the top level of its template. */
    static void extend(Env env, Node template) {
        throw new EvalError("jplay supports {% extends %} at the top level of a template only", template.pos());
    }

    static void block(Env env, String name, StringBuilder out) {
        render(env, name, env.blocks.get(name), 0, out);
    }

    private static void render(Env env, String name, List<Stmt.Block> chain, int i, StringBuilder out) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("super", (PyCallable) (e, args, kw) -> {
            if (i + 1 >= chain.size()) throw new EvalError("there is no parent block called '" + name + "'.");
            StringBuilder sb = new StringBuilder();
            render(env, name, chain, i + 1, sb);
            return sb.toString();
        });
        env.push(frame);
        try {
            Stmt.renderAll(chain.get(i).body(), env, out);
        } finally {
            env.pop();
        }
    }
}
