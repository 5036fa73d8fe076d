package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed Jinja2 expression. Nodes are immutable and shared between threads; {@link #eval} is pure. */
interface Node {
    Object eval(Env env);

    /** Offset in the template text, for error columns. */
    int pos();

    record Const(Object value, int pos, boolean literal) implements Node {
        public Object eval(Env env) {
            return value;
        }
    }

    record Var(String name, int pos) implements Node {
        public Object eval(Env env) {
            return env.lookup(name);
        }
    }

    record Attr(Node obj, String name, int pos) implements Node {
        public Object eval(Env env) {
            return PyOps.getattr(obj.eval(env), name);
        }
    }

    record Item(Node obj, Node key, int pos) implements Node {
        public Object eval(Env env) {
            return PyOps.getitem(obj.eval(env), key.eval(env));
        }
    }

    record Slice(Node obj, Node start, Node stop, Node step, int pos) implements Node {
        public Object eval(Env env) {
            return PyOps.slice(obj.eval(env), start == null ? null : start.eval(env), stop == null ? null : stop.eval(env),
                    step == null ? null : step.eval(env));
        }
    }

    /** {@code f(a, k=v, *args, **kwargs)}. */
    record Call(Node fn, List<Node> args, Map<String, Node> kwargs, Node star, Node starStar, int pos) implements Node {
        public Object eval(Env env) {
            Object f = fn.eval(env);
            if (f instanceof Undefined u) throw EvalError.undefined(u, pos);
            if (!(f instanceof PyCallable c)) throw EvalError.type("'" + PyOps.typeName(f) + "' object is not callable", pos);
            List<Object> a = evalArgs(args, star, env);
            Map<String, Object> kw = evalKw(kwargs, starStar, env);
            return env.call(c, a, kw, pos);
        }
    }

    /** {@code value | name(args)}; {@code fn} is the filter found when parsing (null: unknown, fails when evaluated). */
    record Filter(Node value, String name, Fn.Filter fn, List<Node> args, Map<String, Node> kwargs, Node star, Node starStar, int pos)
            implements Node {
        public Object eval(Env env) {
            return apply(env, value.eval(env));
        }

        Object apply(Env env, Object v) {
            return env.filter(this, v, evalArgs(args, star, env), evalKw(kwargs, starStar, env));
        }
    }

    record Test(Node value, String name, Fn.Test fn, List<Node> args, Map<String, Node> kwargs, boolean negated, int pos)
            implements Node {
        public Object eval(Env env) {
            boolean r = env.test(this, value.eval(env), evalAll(args, env), evalKw(kwargs, null, env));
            return negated != r;
        }
    }

    record Unary(String op, Node operand, int pos) implements Node {
        public Object eval(Env env) {
            Object v = operand.eval(env);
            return switch (op) {
                case "not" -> !PyOps.truthy(v);
                case "-" -> PyOps.neg(v);
                default -> PyOps.pos(v);
            };
        }
    }

    record Binary(String op, Node left, Node right, int pos) implements Node {
        public Object eval(Env env) {
            return PyOps.binary(op, left.eval(env), right.eval(env));
        }
    }

    record And(Node left, Node right, int pos) implements Node {
        public Object eval(Env env) {
            Object l = left.eval(env);
            return PyOps.truthy(l) ? right.eval(env) : l;
        }
    }

    record Or(Node left, Node right, int pos) implements Node {
        public Object eval(Env env) {
            Object l = left.eval(env);
            return PyOps.truthy(l) ? l : right.eval(env);
        }
    }

    record Compare(Node first, List<String> ops, List<Node> rest, int pos) implements Node {
        public Object eval(Env env) {
            Object l = first.eval(env);
            for (int i = 0; i < ops.size(); i++) {
                Object r = rest.get(i).eval(env);
                if (!PyOps.compare(ops.get(i), l, r)) return false;
                l = r;
            }
            return true;
        }
    }

    /** {@code a if cond else b}; without {@code else}, a false condition gives Jinja2's lenient Undefined (printed as ''). */
    record Cond(Node then, Node cond, Node otherwise, int pos) implements Node {
        static final Undefined NO_ELSE = Undefined.lenient(
                "the inline if-expression on line 1 evaluated to false and no else section was defined.");

        public Object eval(Env env) {
            if (PyOps.truthy(cond.eval(env))) return then.eval(env);
            return otherwise == null ? NO_ELSE : otherwise.eval(env);
        }
    }

    /** {@code [a, b]}, or {@code (a, b)} when {@code tuple}. A list made here may be changed by the template ({@code append}). */
    record ListLit(List<Node> items, int pos, boolean tuple) implements Node {
        public Object eval(Env env) {
            List<Object> l = evalAll(items, env);
            return tuple ? Tuple.copyOf(l) : env.own(l);
        }
    }

    record DictLit(List<Node> keys, List<Node> values, int pos) implements Node {
        public Object eval(Env env) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) m.put(PyOps.keyString(keys.get(i).eval(env)), values.get(i).eval(env));
            return env.own(m);
        }
    }

    static List<Object> evalAll(List<Node> nodes, Env env) {
        List<Object> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) out.add(n.eval(env));
        return out;
    }

    private static List<Object> evalArgs(List<Node> nodes, Node star, Env env) {
        if (star == null) return nodes.isEmpty() ? List.of() : evalAll(nodes, env);
        List<Object> out = evalAll(nodes, env);
        out.addAll(PyOps.iterate(star.eval(env)));
        return out;
    }

    static Map<String, Object> evalKw(Map<String, Node> kw, Node starStar, Env env) {
        if (kw.isEmpty() && starStar == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        kw.forEach((k, v) -> out.put(k, v.eval(env)));
        if (starStar != null) {
            Object m = starStar.eval(env);
            if (!(m instanceof Map<?, ?> map)) throw EvalError.type("argument after ** must be a mapping, not " + PyOps.typeName(m), starStar.pos());
            map.forEach((k, v) -> out.put(PyOps.keyString(k), v));
        }
        return out;
    }
}
