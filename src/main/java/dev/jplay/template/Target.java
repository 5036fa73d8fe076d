package dev.jplay.template;

import java.util.List;

/** What {@code set}, {@code for} and {@code with} assign to: a name, a tuple of targets, or a namespace attribute. */
sealed interface Target {
    void bind(Env env, Object value, int pos);

    record Name(String name) implements Target {
        public void bind(Env env, Object value, int pos) {
            env.set(name, value);
        }
    }

    /** {@code a, b} (and nested {@code (a, b), c}): unpacks an iterable of exactly that many items. */
    record Unpack(List<Target> parts) implements Target {
        public void bind(Env env, Object value, int pos) {
            if (value == null || PyOps.isNumber(value)) {
                throw EvalError.type("cannot unpack non-iterable " + PyOps.typeName(value) + " object", pos);
            }
            List<Object> items = PyOps.iterate(value);
            if (items.size() > parts.size()) throw new EvalError("too many values to unpack (expected " + parts.size() + ")", pos);
            if (items.size() < parts.size()) {
                throw new EvalError("not enough values to unpack (expected " + parts.size() + ", got " + items.size() + ")", pos);
            }
            for (int i = 0; i < parts.size(); i++) parts.get(i).bind(env, items.get(i), pos);
        }
    }

    /** {@code ns.attr} where {@code ns} is a {@code namespace()}. */
    record NsAttr(String namespace, String attr) implements Target {
        public void bind(Env env, Object value, int pos) {
            if (!(env.lookup(namespace) instanceof Namespace ns)) throw new EvalError("cannot assign attribute on non-namespace object", pos);
            ns.set(attr, value);
        }
    }
}
