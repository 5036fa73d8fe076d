package dev.jplay.template;

import java.util.ArrayList;
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

    /**
     * The positional and keyword arguments of one call of filter or test {@code fn}, addressed by position and
     * Python parameter name (the value itself is parameter 0 in Python, so argument {@code i} here is Python's
     * {@code i + 1}). Missing required arguments fail as Python does.
     */
    record Args(String fn, List<Object> positional, Map<String, Object> keywords) {
        Args(List<Object> positional, Map<String, Object> keywords) {
            this("filter", positional, keywords);
        }

        Object get(int i, String name, Object def) {
            if (i < positional.size()) return positional.get(i);
            return keywords.containsKey(name) ? keywords.get(name) : def;
        }

        boolean has(int i, String name) {
            return i < positional.size() || keywords.containsKey(name);
        }

        Object get(int i, String name) {
            if (!has(i, name)) throw missing(List.of(name));
            return get(i, name, null);
        }

        /** Fails unless every one of {@code names} (parameters from position {@code first} on) was given. */
        void require(int first, String... names) {
            List<String> missing = new ArrayList<>();
            for (int k = 0; k < names.length; k++) if (!has(first + k, names[k])) missing.add(names[k]);
            if (!missing.isEmpty()) throw missing(missing);
        }

        private EvalError missing(List<String> names) {
            StringBuilder sb = new StringBuilder(fn).append("() missing ").append(names.size()).append(" required positional argument")
                    .append(names.size() == 1 ? "" : "s").append(": ");
            for (int k = 0; k < names.size(); k++) {
                if (k > 0) sb.append(k == names.size() - 1 ? " and " : ", ");
                sb.append('\'').append(names.get(k)).append('\'');
            }
            return EvalError.type(sb.toString());
        }

        boolean bool(int i, String name, boolean def) {
            Object v = get(i, name, def);
            return v instanceof Boolean b ? b : PyOps.truthy(v);
        }

        String str(int i, String name, String def) {
            Object v = get(i, name, def);
            return v == null ? null : PyOps.str(v);
        }

        /** An integer argument ({@code int()}-like: bools and integral numbers). */
        long integer(int i, String name, long def) {
            return PyOps.index(get(i, name, def));
        }

        int size() {
            return positional.size();
        }
    }
}
