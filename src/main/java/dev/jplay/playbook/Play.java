package dev.jplay.playbook;

import dev.jplay.source.Loc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A play. {@code roles} are already expanded into blocks (dependencies first, deduplicated) and run between
 * {@code preTasks} and {@code tasks}; {@code handlers} holds role handlers first, then the play's own.
 * {@code allRoles} lists every role of the play (for play-wide role defaults and vars). Raw values are
 * templated at run time ({@code name}, {@code hosts}, {@code serial}, ...).
 */
public record Play(String id, Object name, Object hosts, Loc loc, Keywords keywords, Set<String> tags, List<Object> when,
                   Map<String, Object> vars, List<Object> varsFiles, List<VarsPrompt> varsPrompt, Object gatherFacts,
                   Object gatherSubset, Object serial, Object maxFailPercentage, Object strategy, Object order,
                   Object forceHandlers, List<TaskNode> preTasks, List<TaskNode> roles, List<TaskNode> tasks,
                   List<TaskNode> postTasks, List<Task> handlers, List<RoleContext> allRoles, Path dir, Path file) {

    /** The sections in run order, for listings and the executor. */
    public List<List<TaskNode>> sections() {
        return List.of(preTasks, roles, tasks, postTasks);
    }
}
