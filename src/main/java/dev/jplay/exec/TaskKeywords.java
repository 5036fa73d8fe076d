package dev.jplay.exec;

import dev.jplay.playbook.Keywords;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import java.util.List;
import java.util.Map;

/**
 * A task's keywords rendered for one host. A keyword that renders as the omit placeholder takes the value of the level
 * above it (block, role, play), rendered in turn, and is left unset when no level above sets it: Ansible's
 * {@code set_to_context}, so {@code become: "{{ omit }}"} keeps the play's {@code become}.
 */
final class TaskKeywords {
    private TaskKeywords() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> render(Keywords kw, Templar templar, TemplateContext ctx, String omit) {
        Map<String, Object> out = (Map<String, Object>) templar.template(kw.values(), ctx);
        for (String k : List.copyOf(out.keySet())) {
            Keywords level = kw;
            while (omit.equals(out.get(k))) {
                level = level.parent();
                Object above = level == null ? null : level.values().get(k);
                if (above == null) {
                    out.remove(k);
                } else {
                    out.put(k, templar.template(above, ctx));
                }
            }
        }
        return out;
    }
}
