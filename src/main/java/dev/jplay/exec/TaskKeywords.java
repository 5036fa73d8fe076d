package dev.jplay.exec;

import dev.jplay.playbook.Keywords;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A task's keywords rendered for one host. A keyword that renders as the omit placeholder takes the value of the level
 * above it (block, role, play), rendered in turn, and is left unset when no level above sets it: Ansible's
 * {@code set_to_context}, so {@code become: "{{ omit }}"} keeps the play's {@code become}.
 */
final class TaskKeywords {
    private TaskKeywords() {}

    static Map<String, Object> render(Keywords kw, Templar templar, TemplateContext ctx, String omit) {
        Map<String, Object> raw = new LinkedHashMap<>(kw.values());
        Object env = raw.remove("environment");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) templar.template(raw, ctx);
        if (env != null) out.put("environment", one("environment", env, templar, ctx));
        for (String k : List.copyOf(out.keySet())) {
            Object v = aboveOmit(kw, k, out.get(k), above -> one(k, above, templar, ctx), omit);
            if (v == null) out.remove(k); else out.put(k, v);
        }
        return out;
    }

    /**
     * The keyword {@code k} of {@code kw} whose value rendered as {@code rendered}: that value, or, while it is the omit
     * placeholder, the value of the level above rendered by {@code render}; null when no level above sets it.
     */
    static Object aboveOmit(Keywords kw, String k, Object rendered, UnaryOperator<Object> render, String omit) {
        Keywords level = kw;
        Object v = rendered;
        while (v != null && omit.equals(v)) {
            level = level.parent();
            Object above = level == null ? null : level.values().get(k);
            v = above == null ? null : render.apply(above);
        }
        return v;
    }

    /** One keyword's value: {@code environment} value by value (see {@link Arguments#templateEnvironment}). */
    private static Object one(String k, Object v, Templar templar, TemplateContext ctx) {
        return k.equals("environment") ? Arguments.templateEnvironment(v, templar, ctx) : templar.template(v, ctx);
    }
}
