package dev.jplay.exec;

import dev.jplay.output.Event;
import dev.jplay.playbook.Loop;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Task;
import dev.jplay.vars.PlayVars;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The implicit {@code Gathering Facts} task at the start of each batch ({@code gather_facts}, {@code gathering}). */
final class Gathering {
    private Gathering() {}

    static void run(Engine e, Play play, PlayVars pv, Walker walker, List<HostRun> batch) {
        boolean gather;
        if (play.gatherFacts() != null) {
            gather = Flags.of("gather_facts", play.gatherFacts(), true, e.templar(), pv.playScope().context(play.loc()), play.loc());
        } else {
            gather = !e.options().facts().gathering().equals("explicit");
        }
        if (!gather) return;
        List<HostRun> targets = batch.stream()
                .filter(h -> !(e.options().facts().gathering().equals("smart") && !e.vars().state(h.name).facts().isEmpty()))
                .toList();
        if (targets.isEmpty()) return;
        if (e.modules().find("ansible.legacy.setup") == null) {
            e.output().on(new Event.Warning("fact gathering skipped: the setup module is not available"));
            return;
        }
        Object subset = play.gatherSubset() != null ? play.gatherSubset() : e.options().facts().gatherSubset();
        Task task = new Task("gather-" + play.id(), "Gathering Facts", "setup", "ansible.builtin.setup",
                Map.of("gather_subset", subset), play.keywords().with("check_mode", false), List.of(), Set.of("always"),
                (Loop) null, null, List.of(), List.of(), List.of(), null, null, List.of(), Map.of(), Map.of(), play.loc(), null,
                play.dir(), false, List.of());
        walker.task(task, targets);
    }
}
