package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.output.Event;
import dev.jplay.output.Status;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.Block;
import dev.jplay.playbook.Task;
import dev.jplay.playbook.TaskNode;
import dev.jplay.source.SourceException;
import dev.jplay.vars.PlayVars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Walks task lists for a set of hosts with Ansible's block semantics (a failure skips the rest of the block, runs
 * {@code rescue} for the hosts that failed, then {@code always} for all), dynamic includes, meta actions and
 * handler notification. Linear: each task runs on all hosts (in parallel, up to forks) before the next starts.
 * Free: {@link #walkFree} gives every host its own walk.
 */
final class Walker {
    private final Engine e;
    private final PlayRun play;
    private final TaskRunner runner;
    private final boolean free;
    private final MetaTask meta;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Map<String, Semaphore> throttles = new ConcurrentHashMap<>();

    Walker(Engine e, PlayRun play, PlayVars pv, boolean free) {
        this.e = e;
        this.play = play;
        this.runner = new TaskRunner(e, pv);
        this.free = free;
        this.meta = new MetaTask(e, play, runner, free);
    }

    TaskRunner runner() {
        return runner;
    }

    /** Does each host walk the tasks on its own (the free and host_pinned strategies)? */
    boolean free() {
        return free;
    }

    /** Free strategy: each host walks the whole list on its own thread. */
    void walkFree(List<TaskNode> nodes, List<HostRun> hosts) {
        List<Future<?>> all = new ArrayList<>();
        for (HostRun h : hosts) all.add(e.pool().submit(() -> walk(nodes, List.of(h))));
        await(all);
    }

    void walk(List<TaskNode> nodes, List<HostRun> hosts) {
        walk(nodes, hosts, false);
    }

    /** {@code section}: the nodes are a section of the hosts' innermost block (their position is tracked). */
    private void walk(List<TaskNode> nodes, List<HostRun> hosts, boolean section) {
        for (int i = 0; i < nodes.size(); i++) {
            if (play.stopped()) return;
            List<HostRun> active = hosts.stream().filter(HostRun::active).toList();
            if (active.isEmpty()) return;
            if (section) for (HostRun h : active) h.at(i);
            if (nodes.get(i) instanceof Block b) block(b, active);
            else task((Task) nodes.get(i), active);
        }
    }

    private void block(Block b, List<HostRun> all) {
        List<HostRun> hosts = b.kind() == Block.Kind.ROLE ? play.roleRuns().pending(b.role().role(), all) : all;
        if (hosts.isEmpty()) return;
        boolean rescue = !b.rescue().isEmpty();
        hosts.forEach(h -> h.enterBlock(b));
        try {
            walk(b.block(), hosts, true);
            List<HostRun> failed = hosts.stream().filter(h -> h.failed && !h.unreachable && !h.fatal).toList();
            if (rescue && !failed.isEmpty() && !play.stopped()) {
                failed.forEach(h -> {
                    h.failed = false;
                    h.phase(HostRun.Phase.RESCUE);
                });
                walk(b.rescue(), failed, true);
            }
            if (!b.always().isEmpty() && !play.stopped()) {
                List<HostRun> targets = hosts.stream().filter(h -> !h.unreachable && !h.ended && !h.fatal).toList();
                Map<HostRun, Integer> wasFailed = new LinkedHashMap<>();
                targets.stream().filter(h -> h.failed).forEach(h -> wasFailed.put(h, h.clears));
                wasFailed.keySet().forEach(h -> h.failed = false);
                targets.forEach(h -> h.phase(HostRun.Phase.ALWAYS));
                walk(b.always(), targets, true);
                wasFailed.forEach((h, clears) -> h.failed |= h.clears == clears);
            }
        } finally {
            hosts.forEach(HostRun::leaveBlock);
        }
        if (b.kind() == Block.Kind.ROLE) play.roleRuns().reachedEnd(b.role().role(), hosts.stream().filter(HostRun::active).toList());
    }

    void task(Task t, List<HostRun> hosts) {
        boolean implicit = t.handler() || t.id().startsWith("gather-");
        if (!t.handler() && !e.tags().shouldRun(t.tags())) return;
        TaskInfo info = info(t, hosts);
        if (!implicit && (!startAt(t, info) || !step(info))) return;
        if (t.action().equals("meta")) {
            meta.run(t, info, hosts);
            return;
        }
        List<HostRun> skipped = new ArrayList<>();
        hosts = play.resume(t, hosts, skipped);
        if (announced.add(t.id()) || !free) e.output().on(new Event.TaskStarted(info));
        play.skippedAsDone(skipped, info);
        if (hosts.isEmpty()) return;
        List<HostRun> targets = bypassHostLoop(t, hosts) ? List.of(hosts.get(0)) : hosts;
        Semaphore throttle = throttle(t, targets);
        Map<HostRun, TaskRunner.Outcome> outcomes = new LinkedHashMap<>();
        if (targets.size() == 1) {
            outcomes.put(targets.get(0), runOnHost(t, targets.get(0), info, throttle));
        } else {
            Map<HostRun, Future<TaskRunner.Outcome>> futures = new LinkedHashMap<>();
            for (HostRun h : targets) futures.put(h, e.pool().submit(() -> runOnHost(t, h, info, throttle)));
            futures.forEach((h, f) -> outcomes.put(h, get(f)));
        }
        if (targets.size() < hosts.size()) play.propagateRunOnce(t, outcomes.values().iterator().next(), hosts);
        play.afterTask(t, hosts, outcomes);
        includes(t, hosts, outcomes);
    }

    /** Does the task run once for all {@code hosts} (run_once, or an action that bypasses the host loop)? */
    boolean bypassHostLoop(Task t, List<HostRun> hosts) {
        if (hosts.size() <= 1) return false;
        if (t.action().equals("add_host") || t.action().equals("pause")) return true;
        return Flags.of("run_once", t.keywords(), false, e.templar(), runner.scope(t, hosts.get(0).name).context(t.loc()), t.loc(), e.omit());
    }

    /**
     * The task's {@code throttle}: at most that many hosts run it at once. One semaphore per task and limit for the
     * whole play, so that it also holds under the free strategy, where each host reaches the task on its own walk.
     */
    private Semaphore throttle(Task t, List<HostRun> hosts) {
        Object th = t.keywords().get("throttle");
        if (th == null || hosts.isEmpty() || !free && hosts.size() <= 1) return null;
        long n = ArgConverter.toInt(e.templar().template(th, runner.scope(t, hosts.get(0).name).context(t.loc())));
        return n > 0 ? throttles.computeIfAbsent(t.id() + " " + n, k -> new Semaphore((int) n)) : null;
    }

    private TaskRunner.Outcome runOnHost(Task t, HostRun h, TaskInfo info, Semaphore throttle) {
        try {
            if (throttle != null) throttle.acquireUninterruptibly();
            TaskRunner.Outcome o = runner.run(t, h.name, info);
            play.record(t, h, info, o);
            return o;
        } finally {
            if (throttle != null) throttle.release();
        }
    }

    /**
     * Loads the dynamic includes {@code t} produced on {@code hosts}; a failure to load one fails its hosts, which
     * any_errors_fatal makes fatal to all; then walks each on the hosts that asked for it.
     */
    private void includes(Task t, List<HostRun> hosts, Map<HostRun, TaskRunner.Outcome> outcomes) {
        IncludeGroups.Result r = IncludeGroups.load(e, play, this, outcomes);
        if (r.failed()) {
            play.afterFailures(t, hosts, true);
            if (play.stopped()) return;
        }
        for (IncludeGroups.Loaded l : r.loaded()) {
            walk(l.tasks(), l.hosts().stream().filter(HostRun::active).toList());
        }
    }

    TaskInfo info(Task t) {
        return info(t, List.of());
    }

    /** The task's banner data; its name templated like Ansible does, with the first host's variables. */
    TaskInfo info(Task t, List<HostRun> hosts) {
        String name = t.name() == null ? "" : hosts.isEmpty() ? play.displayName(t.name())
                : play.displayName(t.name(), runner.scope(t, hosts.get(0).name));
        boolean noLog = Boolean.TRUE.equals(t.keywords().get("no_log"));
        if (t.action().equals("include_role") && name.isEmpty()) {  // Ansible: "include_role : NAME", without the role prefix
            Object role = t.args().get("name") != null ? t.args().get("name") : t.args().get("role");
            return new TaskInfo(t.id(), t.written() + " : " + Py.str(role), null, t.action(), t.loc(), t.handler(), noLog, t.loop() != null);
        }
        String role = t.role() == null || t.action().equals("include_role") ? null : t.role().name();
        return new TaskInfo(t.id(), name, role, t.action(), t.loc(), t.handler(), noLog, t.loop() != null);
    }

    private boolean startAt(Task t, TaskInfo info) {
        if (e.state().startFound.get()) return true;
        String want = e.options().selection().startAtTask();
        String name = info.name();
        String full = info.banner();
        if (want.equals(name) || want.equals(full) || globMatches(want, name)) {
            e.state().startFound.set(true);
            return true;
        }
        return false;
    }

    private static boolean globMatches(String glob, String s) {
        if (!glob.contains("*") && !glob.contains("?")) return false;
        String re = glob.replace(".", "\\.").replace("*", ".*").replace("?", ".");
        return s.matches(re);
    }

    private boolean step(TaskInfo info) {
        if (!e.state().stepping.get()) return true;
        String answer = e.prompter().ask("Perform task: TASK: " + info.banner() + " (N)o/(y)es/(c)ontinue: ", true);
        if (answer == null) return true;
        String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
        if (a.startsWith("c")) e.state().stepping.set(false);
        return a.startsWith("y") || a.startsWith("c");
    }

    static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(ex.getCause());
        }
    }

    static void await(List<Future<?>> all) {
        for (Future<?> f : all) get(f);
    }

    /** The status the strategy shows for an include result: included files are announced, not printed as ok. */
    static boolean printed(Task t, TaskRunner.Outcome o) {
        return !(t.isInclude() && (o.status() == Status.OK || o.status() == Status.CHANGED));
    }
}
