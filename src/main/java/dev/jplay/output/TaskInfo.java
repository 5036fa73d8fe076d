package dev.jplay.output;

import dev.jplay.source.Loc;

/**
 * The task a result belongs to, as output needs it. {@code name} is the templated name (empty when the task has
 * none: output then shows {@code action}), {@code role} the role name or null, {@code handler} true for
 * {@code RUNNING HANDLER}, {@code id} unique per task in a run (for grouping and JSON events), {@code loop} true when
 * the task loops (its result then carries {@code results} and items were reported one by one).
 */
public record TaskInfo(String id, String name, String role, String action, Loc loc, boolean handler, boolean noLog, boolean loop) {
    /** The text inside {@code TASK [...]}: {@code role : name}, or the action when the task has no name. */
    public String banner() {
        String n = name == null || name.isEmpty() ? action : name;
        return role == null || role.isEmpty() ? n : role + " : " + n;
    }
}
