package dev.jplay.exec;

import dev.jplay.playbook.Keywords;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            Keywords level = kw;
            while (omit.equals(out.get(k))) {
                level = level.parent();
                Object above = level == null ? null : level.values().get(k);
                if (above == null) {
                    out.remove(k);
                } else {
                    out.put(k, one(k, above, templar, ctx));
                }
            }
        }
        return out;
    }

    /** One keyword's value: {@code environment} value by value (see {@link Arguments#templateEnvironment}). */
    private static Object one(String k, Object v, Templar templar, TemplateContext ctx) {
        return k.equals("environment") ? Arguments.templateEnvironment(v, templar, ctx) : templar.template(v, ctx);
    }
}
