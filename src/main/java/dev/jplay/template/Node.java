package dev.jplay.template;

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

    record Call(Node fn, List<Node> args, Map<String, Node> kwargs, int pos) implements Node {
        public Object eval(Env env) {
            Object f = fn.eval(env);
            if (f instanceof Undefined u) throw new EvalError(u.message(), pos);
            if (!(f instanceof PyCallable c)) throw new EvalError("'" + PyOps.typeName(f) + "' object is not callable", pos);
            return c.call(env, evalAll(args, env), evalKw(kwargs, env));
        }
    }

    record Filter(Node value, String name, List<Node> args, Map<String, Node> kwargs, int pos) implements Node {
        public Object eval(Env env) {
            return env.filter(name, value.eval(env), evalAll(args, env), evalKw(kwargs, env), pos);
        }
    }

    record Test(Node value, String name, List<Node> args, boolean negated, int pos) implements Node {
        public Object eval(Env env) {
            boolean r = env.test(name, value.eval(env), evalAll(args, env), pos);
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

    record Cond(Node then, Node cond, Node otherwise, int pos) implements Node {
        public Object eval(Env env) {
            if (PyOps.truthy(cond.eval(env))) return then.eval(env);
            return otherwise == null ? Undefined.withMessage("the inline if-expression on line 1 evaluated to false and no else section was defined.") : otherwise.eval(env);
        }
    }

    record ListLit(List<Node> items, int pos) implements Node {
        public Object eval(Env env) {
            return evalAll(items, env);
        }
    }

    record DictLit(List<Node> keys, List<Node> values, int pos) implements Node {
        public Object eval(Env env) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) m.put(PyOps.keyString(keys.get(i).eval(env)), values.get(i).eval(env));
            return m;
        }
    }

    static List<Object> evalAll(List<Node> nodes, Env env) {
        List<Object> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) out.add(n.eval(env));
        return out;
    }

    static Map<String, Object> evalKw(Map<String, Node> kw, Env env) {
        if (kw.isEmpty()) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        kw.forEach((k, v) -> out.put(k, v.eval(env)));
        return out;
    }
}
