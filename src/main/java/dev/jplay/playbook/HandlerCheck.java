package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, after a play is loaded, that every literal {@code notify} names a handler (by name, by
 * {@code role : name}, or by a {@code listen} topic). Plays that include roles dynamically are checked only for
 * what is known statically.
 */
final class HandlerCheck {
    private HandlerCheck() {}

    static void check(Play play) {
        Set<String> known = new HashSet<>();
        for (Task h : play.handlers()) {
            if (h.name() != null) {
                known.add(h.name());
                if (h.role() != null) known.add(h.role().name() + " : " + h.name());
            }
            known.addAll(h.listen());
        }
        boolean dynamicRoles = anyDynamicRole(play);
        for (List<TaskNode> section : play.sections()) checkNodes(section, known, dynamicRoles);
        for (Task h : play.handlers()) checkTask(h, known, dynamicRoles);
    }

    private static boolean anyDynamicRole(Play play) {
        for (List<TaskNode> s : play.sections()) if (anyDynamicRole(s)) return true;
        return play.handlers().stream().anyMatch(t -> t.action().equals("include_role"));
    }

    private static boolean anyDynamicRole(List<TaskNode> nodes) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t && t.action().equals("include_role")) return true;
            if (n instanceof Block b && (anyDynamicRole(b.block()) || anyDynamicRole(b.rescue()) || anyDynamicRole(b.always()))) return true;
        }
        return false;
    }

    private static void checkNodes(List<TaskNode> nodes, Set<String> known, boolean dynamicRoles) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t) checkTask(t, known, dynamicRoles);
            else if (n instanceof Block b) {
                checkNodes(b.block(), known, dynamicRoles);
                checkNodes(b.rescue(), known, dynamicRoles);
                checkNodes(b.always(), known, dynamicRoles);
            }
        }
    }

    private static void checkTask(Task t, Set<String> known, boolean dynamicRoles) {
        if (dynamicRoles) return;
        for (Object n : t.notifies()) {
            String name = Py.str(n);
            if (Templar.isTemplate(name) || known.contains(name)) continue;
            String hint = Keys.closest(name, known).map(s -> "did you mean '" + s + "'?")
                    .orElse(known.isEmpty() ? "this play defines no handlers" : "handlers here: " + String.join(", ", known));
            throw new SourceException("The requested handler '" + name + "' was not found in either the main handlers list "
                    + "nor in the listening handlers list", t.loc(), hint);
        }
    }
}
