package dev.jplay.playbook;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task, with everything it inherited from its play, role and enclosing blocks already folded in:
 * {@code keywords}, {@code when} (parents' conditions first), {@code tags} (union) and {@code vars}
 * (outer block vars, then the task's own). Values are raw: templated per host at run time.
 *
 * @param id        unique in the run (for events and listings)
 * @param name      the raw name, or null
 * @param action    the canonical module name ({@code copy}, {@code include_tasks}, {@code meta}, ...)
 * @param written   the module name as written ({@code ansible.builtin.copy})
 * @param args      raw module arguments; free-form text under {@code _raw_params}
 * @param includeParams vars given to the dynamic include this task came from (Ansible's "include params")
 * @param dir       the directory of the file the task was written in (relative include paths, file search)
 * @param listen    handler topics (handlers only)
 * @param problems  mistakes Ansible reports only when the task runs (an unknown module, bad arguments or keyword
 *                  values, a template that does not parse): static validation reports them before any host is
 *                  contacted when the task is certain to run, else warns; a host that runs the task fails with the
 *                  first. {@code action} is the module name as written when it is unknown, or a template
 *                  ({@code action: "{{ module }}"}) rendered per host at run time.
 */
public record Task(String id, String name, String action, String written, Map<String, Object> args, Keywords keywords,
                   List<Object> when, Set<String> tags, Loop loop, String register, List<Object> changedWhen,
                   List<Object> failedWhen, List<Object> until, Object retries, Object delay, List<Object> notifies,
                   Map<String, Object> vars, Map<String, Object> includeParams, Loc loc, RoleContext role, Path dir,
                   boolean handler, List<String> listen, List<SourceException> problems) implements TaskNode {

    /** A task without problems (built by the executor, e.g. fact gathering). */
    public Task(String id, String name, String action, String written, Map<String, Object> args, Keywords keywords,
                List<Object> when, Set<String> tags, Loop loop, String register, List<Object> changedWhen,
                List<Object> failedWhen, List<Object> until, Object retries, Object delay, List<Object> notifies,
                Map<String, Object> vars, Map<String, Object> includeParams, Loc loc, RoleContext role, Path dir,
                boolean handler, List<String> listen) {
        this(id, name, action, written, args, keywords, when, tags, loop, register, changedWhen, failedWhen, until, retries,
                delay, notifies, vars, includeParams, loc, role, dir, handler, listen, List.of());
    }

    /** The same task with more problems. */
    Task withProblems(List<SourceException> more) {
        List<SourceException> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new Task(id, name, action, written, args, keywords, when, tags, loop, register, changedWhen, failedWhen, until,
                retries, delay, notifies, vars, includeParams, loc, role, dir, handler, listen, List.copyOf(all));
    }

    /** Is this one of the dynamic include actions that load tasks at run time? */
    public boolean isInclude() {
        return action.equals("include_tasks") || action.equals("include_role") || action.equals("include");
    }

    /** An include's file in its arguments: the free-form name first, then {@code file} (ansible-core's TaskInclude order). */
    public static Object includeFile(Map<String, Object> args) {
        Object raw = args.get(KeyValue.RAW);
        return raw != null && !Py.str(raw).isEmpty() ? raw : args.get("file");
    }
}
