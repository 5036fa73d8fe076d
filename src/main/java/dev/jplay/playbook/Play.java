package dev.jplay.playbook;

import dev.jplay.source.Loc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A play. {@code roles} are already expanded into blocks (dependencies first; a role that already ran on a host is
 * skipped there at run time) and run between {@code preTasks} and {@code tasks}; {@code handlers} holds role handlers
 * first, then the play's own. {@code playRoles} are the roles whose vars and defaults the whole play sees
 * ({@code roles:} entries and {@code import_role}, with their dependencies inside). Raw values are
 * templated at run time ({@code name}, {@code hosts}, {@code serial}, ...).
 */
public record Play(String id, Object name, Object hosts, Loc loc, Keywords keywords, Set<String> tags, List<Object> when,
                   Map<String, Object> vars, List<Object> varsFiles, List<VarsPrompt> varsPrompt, Object gatherFacts,
                   Object gatherSubset, Object serial, Object maxFailPercentage, Object strategy, Object order,
                   Object forceHandlers, List<TaskNode> preTasks, List<TaskNode> roles, List<TaskNode> tasks,
                   List<TaskNode> postTasks, List<Task> handlers, List<Role> playRoles, Path dir, Path file) {

    /** The sections in run order, for listings and the executor. */
    public List<List<TaskNode>> sections() {
        return List.of(preTasks, roles, tasks, postTasks);
    }
}
