package dev.jplay.template;

import java.util.List;
import java.util.Map;

/** A filter, test or lookup implementation, and the arguments it was called with. */
final class Fn {
    private Fn() {}

    /** {@code value | name(args)}. */
    @FunctionalInterface
    interface Filter {
        Object apply(Env env, Object value, Args args);
    }

    /** {@code value is name(args)}. */
    @FunctionalInterface
    interface Test {
        boolean test(Env env, Object value, Args args);
    }

    /** {@code lookup('name', terms..., kw)}: always returns a list. */
    @FunctionalInterface
    interface Lookup {
        List<Object> run(Env env, List<Object> terms, Map<String, Object> kw);
    }

    /** Positional and keyword arguments, addressed by position or Python parameter name. */
    record Args(List<Object> positional, Map<String, Object> keywords) {
        static final Args NONE = new Args(List.of(), Map.of());

        Object get(int i, String name, Object def) {
            if (i < positional.size()) return positional.get(i);
            return keywords.containsKey(name) ? keywords.get(name) : def;
        }

        Object get(int i, String name) {
            Object v = get(i, name, Missing.MISSING);
            if (v == Missing.MISSING) throw new EvalError("missing required argument '" + name + "'");
            return v;
        }

        boolean bool(int i, String name, boolean def) {
            Object v = get(i, name, def);
            return v instanceof Boolean b ? b : PyOps.truthy(v);
        }

        String str(int i, String name, String def) {
            Object v = get(i, name, def);
            return v == null ? null : PyOps.str(v);
        }

        int size() {
            return positional.size();
        }
    }

    enum Missing { MISSING }
}
