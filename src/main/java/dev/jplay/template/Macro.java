package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A macro (or a call block's {@code caller}) as a value: callable, with Jinja2's attributes. */
final class Macro implements PyCallable, Attributes {
    /**
     * @param catchVarargs the body uses {@code varargs}: extra positional arguments are allowed
     * @param catchKwargs  the body uses {@code kwargs}: unknown keyword arguments are allowed
     * @param caller       the body uses {@code caller}
     */
    record Signature(String name, List<String> params, List<Node> defaults, boolean catchVarargs, boolean catchKwargs, boolean caller) {}

    private final Signature sig;
    private final List<Stmt> body;
    private final Env.Closure closure;

    Macro(Signature sig, List<Stmt> body, Env.Closure closure) {
        this.sig = sig;
        this.body = body;
        this.closure = closure;
    }

    @Override
    public Object call(Env caller, List<Object> args, Map<String, Object> kwargs) {
        List<String> params = sig.params();
        if (args.size() > params.size() && !sig.catchVarargs()) {
            throw EvalError.type("macro '" + sig.name() + "' takes not more than " + params.size() + " argument(s)");
        }
        Map<String, Object> kw = new LinkedHashMap<>(kwargs);
        Env env = closure.env();
        Map<String, Object> frame = new LinkedHashMap<>();
        int firstDefault = params.size() - sig.defaults().size();
        env.push(frame);
        try {
            for (int i = 0; i < params.size(); i++) {
                String p = params.get(i);
                if (i < args.size()) {
                    if (kw.containsKey(p)) throw EvalError.type("macro '" + sig.name() + "' got multiple values for argument '" + p + "'");
                    frame.put(p, args.get(i));
                } else if (kw.containsKey(p)) {
                    frame.put(p, kw.remove(p));
                } else if (i >= firstDefault) {
                    frame.put(p, sig.defaults().get(i - firstDefault).eval(env));
                } else {
                    frame.put(p, Undefined.withMessage("parameter '" + p + "' was not provided"));
                }
            }
            Object callerArg = kw.remove("caller");
            if (callerArg != null && !sig.caller()) throw EvalError.type("macro '" + sig.name() + "' takes no keyword argument 'caller'");
            if (sig.caller()) frame.put("caller", callerArg == null ? Undefined.withMessage("No caller defined") : callerArg);
            if (!kw.isEmpty() && !sig.catchKwargs()) {
                throw EvalError.type("macro '" + sig.name() + "' takes no keyword argument '" + kw.keySet().iterator().next() + "'");
            }
            frame.put("varargs", Tuple.copyOf(args.size() > params.size() ? args.subList(params.size(), args.size()) : List.of()));
            frame.put("kwargs", kw);
            return Stmt.renderToString(body, env);
        } finally {
            env.pop();
        }
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "name" -> sig.name();
            case "arguments" -> Tuple.copyOf(new ArrayList<Object>(sig.params()));
            case "catch_kwargs" -> sig.catchKwargs();
            case "catch_varargs" -> sig.catchVarargs();
            case "caller" -> sig.caller();
            default -> Undefined.attribute("Macro", name);
        };
    }

    @Override
    public String toString() {
        return "<Macro '" + sig.name() + "'>";
    }
}
