package dev.jplay.exec;

import dev.jplay.output.Event;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.playbook.TaskNode;
import dev.jplay.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic includes one task produced on its hosts, as Ansible's IncludedFile groups them: one group per task,
 * file (or role arguments) and include params (a loop makes one per item), with the hosts that asked for it. All
 * groups are loaded (and {@code included: FILE for HOSTS} printed) before any included task runs.
 */
final class IncludeGroups {
    /** Included tasks and the hosts that run them. */
    record Loaded(List<TaskNode> tasks, List<HostRun> hosts) {}

    private IncludeGroups() {}

    /** What a task's includes gave: the loaded groups, and whether any failed to load (its hosts then failed). */
    record Result(List<Loaded> loaded, boolean failed) {}

    static Result load(Engine e, PlayRun play, Walker walker, Map<HostRun, TaskRunner.Outcome> outcomes) {
        Map<List<Object>, List<HostRun>> groups = new LinkedHashMap<>();
        Map<List<Object>, TaskRunner.Include> first = new LinkedHashMap<>();
        outcomes.forEach((h, o) -> {
            for (TaskRunner.Include inc : o.includes()) {
                List<Object> key = List.of(inc.task().id(), String.valueOf(inc.file()), String.valueOf(inc.roleArgs()), inc.params().toString());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
                first.putIfAbsent(key, inc);
            }
        });
        List<Loaded> out = new ArrayList<>();
        boolean[] failed = {false};
        groups.forEach((key, hosts) -> {
            TaskRunner.Include inc = first.get(key);
            PlaybookLoader.IncludedTasks loaded;
            try {
                loaded = play.loadInclude(inc);
            } catch (SourceException ex) {
                play.includeFailed(inc, hosts, ex);
                failed[0] = true;
                return;
            }
            if (loaded.file() != null) {  // include_role prints no "included:" line and counts nothing, as in Ansible
                e.output().on(new Event.Included(loaded.file().toString(), hosts.stream().map(h -> h.name).toList(),
                        walker.info(inc.task()), inc.label()));
                hosts.forEach(h -> e.stats().add(h.name, Stats.Counter.OK));
            }
            out.add(new Loaded(loaded.tasks(), hosts));
        });
        return new Result(out, failed[0]);
    }
}
