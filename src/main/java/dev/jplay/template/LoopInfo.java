package dev.jplay.template;

import java.util.List;
import java.util.Map;

/** The {@code loop} variable inside {@code {% for %}}: one per iteration over the loop's {@link Run}. */
record LoopInfo(Run run, int i) implements Attributes, PyCallable {
    /** One execution of a for loop: its items, its depth (recursive loops) and the state of {@code loop.changed()}. */
    static final class Run {
        final List<Object> items;
        final int depth;
        final Stmt.For recursive;
        private List<Object> lastChanged;

        Run(List<Object> items, int depth, Stmt.For recursive) {
            this.items = items;
            this.depth = depth;
            this.recursive = recursive;
        }
    }

    @Override
    public Object attribute(String name) {
        List<Object> items = run.items;
        int n = items.size();
        return switch (name) {
            case "index" -> (long) i + 1;
            case "index0" -> (long) i;
            case "revindex" -> (long) (n - i);
            case "revindex0" -> (long) (n - i - 1);
            case "first" -> i == 0;
            case "last" -> i == n - 1;
            case "length" -> (long) n;
            case "depth" -> (long) run.depth;
            case "depth0" -> (long) run.depth - 1;
            case "previtem" -> i > 0 ? items.get(i - 1) : Undefined.withMessage("there is no previous item");
            case "nextitem" -> i < n - 1 ? items.get(i + 1) : Undefined.withMessage("there is no next item");
            case "cycle" -> (PyCallable) (Env env, List<Object> args, Map<String, Object> kw) -> {
                if (args.isEmpty()) throw EvalError.type("no items for cycling given");
                return args.get(i % args.size());
            };
            case "changed" -> (PyCallable) (Env env, List<Object> args, Map<String, Object> kw) -> {
                if (args.equals(run.lastChanged)) return false;
                run.lastChanged = args;
                return true;
            };
            default -> Undefined.attribute("LoopContext", name);
        };
    }

    /** {@code loop(children)} in a {@code recursive} loop: renders the loop body over the children, one level deeper. */
    @Override
    public Object call(Env env, List<Object> args, Map<String, Object> kwargs) {
        if (run.recursive == null) throw EvalError.type("The loop must have the 'recursive' marker to be called recursively.");
        if (args.size() != 1) throw EvalError.type("loop() takes exactly one argument (" + args.size() + " given)");
        StringBuilder sb = new StringBuilder();
        env.enter(-1);
        try {
            run.recursive.run(env, args.get(0), run.depth + 1, sb);
        } finally {
            env.leave();
        }
        return sb.toString();
    }
}
