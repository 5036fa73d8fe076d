package dev.jplay.template;

import java.util.List;
import java.util.Map;

/** The {@code loop} variable inside {@code {% for %}}. */
record LoopInfo(List<Object> items, int i) implements Attributes {
    @Override
    public Object attribute(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) i + 1;
            case "index0" -> (long) i;
            case "revindex" -> (long) (n - i);
            case "revindex0" -> (long) (n - i - 1);
            case "first" -> i == 0;
            case "last" -> i == n - 1;
            case "length" -> (long) n;
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> i > 0 ? items.get(i - 1) : Undefined.withMessage("there is no previous item");
            case "nextitem" -> i < n - 1 ? items.get(i + 1) : Undefined.withMessage("there is no next item");
            case "cycle" -> (PyCallable) (Env env, List<Object> args, Map<String, Object> kw) -> args.get(i % args.size());
            default -> Undefined.attribute("LoopContext", name);
        };
    }
}
