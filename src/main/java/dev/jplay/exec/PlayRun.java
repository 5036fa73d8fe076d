package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.output.Event;
import dev.jplay.output.Status;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.playbook.Task;
import dev.jplay.playbook.TaskNode;
import dev.jplay.source.SourceException;
import dev.jplay.template.TemplateException;
import dev.jplay.vars.PlayVars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One play on its hosts: batches ({@code serial}), fact gathering, the sections with handler flushes between them,
 * and the per-task bookkeeping the strategies report into (stats, failures, rescue, handlers, any_errors_fatal,
 * max_fail_percentage).
 */
final class PlayRun {
    private final Engine e;
    private final Play play;
    private final PlayVars pv;
    private final Walker walker;
    private final Handlers handlers;
    private final Effects effects;
    private final Progress progress;
    private final String key;
    private final RoleRuns roleRuns = new RoleRuns();
    /** Hosts out of the play for its magic variables (Ansible's {@code _removed_hosts}): failed unrescued, unreachable, ended. */
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private List<HostRun> batch = List.of();
    private List<String> hosts = List.of();
    private Set<String> running = Set.of();
    private final List<String> all;
    private volatile boolean endPlay;
    private volatile boolean endBatch;
    private volatile boolean breakPlaybook;

    /** {@code all}: every host the play's pattern matched, also those that failed in earlier plays. */
    PlayRun(Engine e, Play play, PlayVars pv, List<String> all) {
        this.e = e;
        this.all = List.copyOf(all);
        this.play = play;
        this.pv = pv;
        Object written = play.strategy() == null ? e.options().policy().strategy() : play.strategy();
        String strategy = Py.str(dev.jplay.template.Templar.isTemplate(written) ? templated(written) : written);
        this.walker = new Walker(e, this, pv, Strategies.perHost(strategy, play.loc()));
        this.handlers = new Handlers(e, this, play, pv, walker);
        this.effects = new Effects(e);
        this.progress = e.state().progress;
        this.key = progress.playKey(play);
    }

    /**
     * Runs the play on {@code hosts}, announcing each batch with the play's banner ({@code name}) as Ansible does;
     * returns when every batch is done or the play was stopped. Returns true when
     * the playbook must stop (a whole batch failed, any_errors_fatal, max_fail_percentage), as Ansible does.
     */
    boolean run(List<String> hosts, String name, String pattern) {
        this.hosts = List.copyOf(hosts);
        this.running = Set.copyOf(hosts);
        boolean free = walker.free();
        for (List<String> names : Serial.batches(hosts, templated(play.serial()))) {
            if (endPlay) break;
            endBatch = false;
            batch = names.stream().map(HostRun::new).toList();
            e.output().on(new Event.PlayStarted(name, pattern, names));
            pv.setHosts(all, names);
            updatePlayHosts(List.of());
            VarsFiles.load(e, play, pv, names);
            Gathering.run(e, play, pv, walker, batch);
            for (List<TaskNode> section : List.of(play.preTasks(), concat(play.roles(), play.tasks()), play.postTasks())) {
                if (stopped()) break;
                if (free) walker.walkFree(section, batch);
                else walker.walk(section, batch);
                handlers.flush(batch);
            }
            // resumed: hosts that completed every task before still owe the handlers they notified
            if (!stopped() && pendingHandlers(batch.stream().filter(HostRun::active).toList())) handlers.flush(batch);
            for (HostRun h : batch) {
                if (h.failed) e.state().failed.add(h.name);
                if (h.unreachable) e.state().unreachable.add(h.name);
            }
            if (breakPlaybook) return true;
            if (batch.stream().allMatch(h -> h.failed || h.unreachable)) return true;  // silently, as Ansible
        }
        return false;
    }

    /** A play keyword rendered at play level; null when not given or rendered as omit (Ansible then uses the default). */
    private Object templated(Object raw) {
        Object v = raw == null ? null : e.templar().template(raw, pv.playScope().context(play.loc()));
        return e.omit().equals(v) ? null : v;
    }

    private static List<TaskNode> concat(List<TaskNode> a, List<TaskNode> b) {
        List<TaskNode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Every host of the play (all batches). */
    List<String> hosts() {
        return hosts;
    }

    boolean stopped() {
        return endPlay || endBatch;
    }

    void endPlay() {
        endPlay = true;
    }

    void endBatch() {
        endBatch = true;
    }

    /**
     * meta clear_host_errors: failed and unreachable hosts of the batch run the next tasks again, and no host of the
     * play counts as failed or unreachable for later plays or the exit code (the recap keeps its counts). Hosts stay
     * out of {@code ansible_play_hosts} for the rest of this play, as in Ansible 2.14.
     */
    void clearHostErrors() {
        for (HostRun h : batch) {
            if (!h.fatal) {
                h.failed = false;
                h.unreachable = false;
            }
            h.clears++;
        }
        e.state().failed.removeAll(all);
        e.state().unreachable.removeAll(all);
    }

    RoleRuns roleRuns() {
        return roleRuns;
    }

    void flushHandlers(List<HostRun> hosts) {
        handlers.flush(hosts);
    }

    /** The task name as banners show it: templated with play-level variables; unresolvable parts stay as written. */
    String displayName(String raw) {
        return displayName(raw, pv.playScope());
    }

    /** A task or handler name templated with {@code scope}; left as written when something in it is undefined. */
    String displayName(String raw, dev.jplay.vars.VarScope scope) {
        if (!dev.jplay.template.Templar.isTemplate(raw)) return raw;
        try {
            return Py.str(e.templar().template(raw, scope.context()));
        } catch (SourceException ex) {
            return raw;
        }
    }

    /**
     * Resuming: what each host does with {@code t} (see {@link Progress}). Hosts that completed it before are left
     * out and returned in {@code skipped}; hosts that got to where they stopped run their pending handlers first.
     * Returns the hosts that run the task.
     */
    List<HostRun> resume(Task t, List<HostRun> hosts, List<HostRun> skipped) {
        List<HostRun> run = new ArrayList<>();
        List<HostRun> arrived = new ArrayList<>();
        for (HostRun h : hosts) {
            switch (progress.decide(key, t, h.name)) {
                case SKIP -> skipped.add(h);
                case RESUME -> {
                    arrived.add(h);
                    run.add(h);
                }
                default -> run.add(h);
            }
        }
        if (pendingHandlers(arrived)) {
            handlers.flush(arrived);
            run.removeIf(h -> arrived.contains(h) && !h.active());  // not those the pending handlers failed; forced handlers keep failed hosts
        }
        return run;
    }

    /** Adds the handlers {@code hosts} notified in the run being resumed to what they notified; true if any. */
    private boolean pendingHandlers(List<HostRun> hosts) {
        boolean any = false;
        for (HostRun h : hosts) {
            List<String> pending = progress.takePending(key, h.name);
            for (String name : pending) handlers.notify(h, name);
            any |= !pending.isEmpty();
        }
        return any;
    }

    /** Reports the hosts that skip {@code t} because they completed it in the run being resumed. */
    void skippedAsDone(List<HostRun> hosts, TaskInfo info) {
        for (HostRun h : hosts) {
            Map<String, Object> r = Results.skipped("completed in the run being resumed");
            e.stats().add(h.name, Stats.Counter.SKIPPED);
            e.output().on(new Event.HostResult(h.name, info, Status.SKIPPED, r, null, false));
        }
    }

    /** Counts a host's outcome, marks failures, notifies handlers and emits the result (worker thread). */
    void record(Task t, HostRun h, TaskInfo info, TaskRunner.Outcome o) {
        String name = h.name;
        boolean completed = switch (o.status()) {
            case FAILED -> o.ignored() || h.rescuable();
            case UNREACHABLE -> o.ignored();
            default -> true;
        };
        progress.record(key, t, name, o, completed, info.name());
        if (t.handler() && completed) progress.handlerRan(key, name, handlers.names(t));
        switch (o.status()) {
            case UNREACHABLE -> {
                if (o.ignored()) {
                    e.stats().add(name, Stats.Counter.OK);
                    e.stats().add(name, Stats.Counter.IGNORED);
                } else {
                    e.stats().add(name, Stats.Counter.UNREACHABLE);
                    h.unreachable = true;
                }
            }
            case FAILED -> recordFailure(t, h, o);
            case SKIPPED -> e.stats().add(name, Stats.Counter.SKIPPED);
            default -> {
                if (!t.isInclude()) {
                    e.stats().add(name, Stats.Counter.OK);
                    if (o.status() == Status.CHANGED) e.stats().add(name, Stats.Counter.CHANGED);
                }
            }
        }
        if (t.role() != null && !t.handler() && o.status() != Status.SKIPPED && o.status() != Status.UNREACHABLE) {
            roleRuns.taskRan(t.role(), name);
        }
        boolean mayNotify = e.plan() != null && e.plan().mayNotify(name);
        if ((Boolean.TRUE.equals(o.result().get("changed")) || mayNotify) && !t.notifies().isEmpty()) notify(t, h);
        if (Walker.printed(t, o)) e.output().on(new Event.HostResult(name, info, o.status(), o.result(), o.delegatedTo(), o.ignored()));
        if (e.plan() != null) e.plan().report(e.output(), name, Walker.printed(t, o));
    }

    private void recordFailure(Task t, HostRun h, TaskRunner.Outcome o) {
        String name = h.name;
        if (o.ignored()) {
            e.stats().add(name, Stats.Counter.OK);
            e.stats().add(name, Stats.Counter.IGNORED);
            if (Boolean.TRUE.equals(o.result().get("changed"))) e.stats().add(name, Stats.Counter.CHANGED);
            return;
        }
        if (h.rescuable()) {
            e.stats().add(name, Stats.Counter.RESCUED);
            Map<String, Object> failedTask = new LinkedHashMap<>();
            failedTask.put("name", t.name() == null ? t.action() : t.name());
            failedTask.put("action", t.action());
            failedTask.put("args", t.args());
            e.vars().state(name).setRuntime("ansible_failed_task", failedTask);
            e.vars().state(name).setRuntime("ansible_failed_result", Results.forRegister(o.result()));
        } else {
            e.stats().add(name, Stats.Counter.FAILED);
        }
        h.failed = true;
    }

    private void notify(Task t, HostRun h) {
        var scope = walker.runner().scope(t, h.name);
        List<String> names = new ArrayList<>();
        for (Object n : t.notifies()) {
            try {
                Object v = e.templar().template(n, scope.context(t.loc()));
                if (v instanceof List<?> l) l.forEach(x -> names.add(Py.str(x)));  // a template may give several names
                else names.add(Py.str(v));
            } catch (TemplateException ex) {
                names.add(Py.str(n));
            }
        }
        for (String name : names) handlers.notify(h, name);
        progress.notified(key, h.name, names);
    }

    /** run_once: the one result stands for every host of the batch (register, facts, per-host set_stats). */
    void propagateRunOnce(Task t, TaskRunner.Outcome o, List<HostRun> hosts) {
        List<String> others = hosts.stream().skip(1).map(h -> h.name).toList();
        if (o.status() != Status.FAILED && o.status() != Status.UNREACHABLE || o.ignored()) progress.recordFor(key, t, others, o);
        if (t.register() != null) effects.register(t.register(), others, o.result());
        if (o.result().get("ansible_facts") instanceof Map<?, ?> facts && o.status() != Status.FAILED) {
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) facts;
            effects.applyFacts(t.action(), f, Boolean.TRUE.equals(o.result().get("_ansible_facts_cacheable")), others);
        }
        if (o.status() != Status.FAILED && o.status() != Status.UNREACHABLE && o.status() != Status.SKIPPED) {
            e.stats().custom().recordPerHost(o.result(), others);
        }
        if (o.status() == Status.FAILED && !o.ignored()) hosts.forEach(h -> h.failed = true);
    }

    /** After a task on all hosts: any_errors_fatal and max_fail_percentage. */
    void afterTask(Task t, List<HostRun> hosts, Map<HostRun, TaskRunner.Outcome> outcomes) {
        boolean hardFailure = outcomes.entrySet().stream()
                .anyMatch(en -> en.getValue().status() == Status.FAILED && !en.getValue().ignored() && en.getKey().failed);
        afterFailures(t, hosts, hardFailure);
    }

    /**
     * any_errors_fatal and max_fail_percentage once {@code t} ran on {@code hosts}, or once the files it included
     * failed to load ({@code hardFailure}: a host failed, not ignored), as Ansible checks after both.
     */
    void afterFailures(Task t, List<HostRun> hosts, boolean hardFailure) {
        updatePlayHosts(hosts);
        if (hardFailure && anyErrorsFatal(t, hosts)) {
            // as Ansible: every host fails now except those whose next task is in a rescue or always section
            for (HostRun h : hosts) {
                if (h.unreachable || h.ended || h.headedForRescueOrAlways()) continue;
                h.failed = true;
                h.fatal = true;
                breakPlaybook = true;
            }
            if (breakPlaybook && batch.stream().noneMatch(h -> h.active() || h.failed && !h.fatal && !h.unreachable)) {
                endPlay = true;
                e.output().on(new Event.NoMoreHosts());
                return;
            }
        }
        Object mfp = templated(play.maxFailPercentage());
        if (mfp != null && !batch.isEmpty()) {
            double limit = Double.parseDouble(Py.str(mfp).replace("%", ""));
            long failed = batch.stream().filter(h -> h.failed || h.unreachable).count();
            if (failed * 100.0 / batch.size() > limit) {
                endPlay = true;
                breakPlaybook = true;
                e.output().on(new Event.NoMoreHosts());
            }
        }
    }

    /**
     * {@code ansible_play_hosts} and {@code ansible_play_batch} without the hosts that left the play: a host that
     * failed outside a rescuing block stays out even while it runs an always section or after clear_host_errors
     * (as in Ansible 2.14); a rescued one does not leave.
     */
    void updatePlayHosts(List<HostRun> ran) {
        for (HostRun h : ran) {
            if (h.unreachable || h.ended || h.failed && !h.rescuable()) removed.add(h.name);
        }
        pv.setActiveHosts(all.stream().filter(n -> running.contains(n) && !removed.contains(n)).toList(),
                batch.stream().map(h -> h.name).filter(n -> !removed.contains(n)).toList());
    }

    /** The task's any_errors_fatal; a task that runs once for all hosts is fatal too (Ansible's linear strategy). */
    private boolean anyErrorsFatal(Task t, List<HostRun> hosts) {
        if (walker.bypassHostLoop(t, hosts)) return true;
        return Flags.orWritten("any_errors_fatal", t.keywords(), e.options().policy().anyErrorsFatal(), e.templar(),
                walker.runner().scope(t, hosts.get(0).name).context(t.loc()), t.loc(), e.omit());
    }

    /** Loads what {@code inc} includes; for {@code include_tasks}, the file it read (roles have none). */
    PlaybookLoader.IncludedTasks loadInclude(TaskRunner.Include inc) {
        PlaybookLoader loader = e.loader();
        if (inc.file() != null) {
            PlaybookLoader.IncludedTasks included = loader.includeTasks(inc.task(), inc.file(), inc.params());
            progress.loaded(included.tasks());
            return included;
        }
        PlaybookLoader.IncludedRole r = loader.includeRole(inc.task(), inc.roleArgs(), inc.params());
        handlers.add(r.role(), r.handlers());
        roleRuns.included(r.role());
        if (r.publicVars()) pv.addPublicRole(r.role());
        progress.loaded(r.tasks());
        progress.loaded(List.copyOf(r.handlers()));
        return new PlaybookLoader.IncludedTasks(null, r.tasks());
    }

    void includeFailed(TaskRunner.Include inc, Collection<HostRun> hosts, SourceException ex) {
        TaskInfo info = walker.info(inc.task());
        for (HostRun h : hosts) {
            Map<String, Object> r = Results.failed(ex.getMessage());
            r.put("reason", ex.render());
            e.stats().add(h.name, Stats.Counter.FAILED);
            h.failed = true;
            e.output().on(new Event.HostResult(h.name, info, Status.FAILED, r, null, false));
        }
    }
}
