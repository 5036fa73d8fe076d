package dev.jplay.exec;

import dev.jplay.output.Status;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Task;
import dev.jplay.playbook.TaskNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's side of the {@link Journal}: counts each host's executions of each task, records the ones that completed,
 * the handlers notified and run, and where hosts stopped; in a resumed run it also decides, per host and task,
 * whether the task is skipped (done before), runs again (done before, but it makes state later tasks may read:
 * register, facts, set_fact, includes, add_host, group_by) or runs because the host got to where it stopped.
 * Handlers, meta tasks and fact gathering are not journalled: fact gathering always runs, handlers are tracked by
 * their notifications. Without a journal ({@link #OFF}) every task runs and nothing is recorded.
 */
final class Progress {
    /** What a host does with a task in this run. */
    enum Decision {
        /** Not journalled, or no journal, or after the host's resume point: run it. */
        RUN,
        /** Completed in the run being resumed: skip it. */
        SKIP,
        /** Completed in the run being resumed, but it makes state: run it again. */
        REPLAY,
        /** The first task the host had not completed: its pending handlers run first, then everything runs. */
        RESUME
    }

    static final Progress OFF = new Progress(null, false);

    /** Actions whose results later tasks may read (besides any task with {@code register} or returning facts). */
    private static final Set<String> STATEFUL = Set.of("set_fact", "include_vars", "add_host", "group_by", "set_stats", "setup",
            "gather_facts", "package_facts", "service_facts", "include_tasks", "include_role", "include", "import_role");

    private final Journal journal;
    private final boolean resuming;
    /** host → "play|task" → executions seen in this run. */
    private final Map<String, Map<String, Integer>> seen = new ConcurrentHashMap<>();
    /** Hosts past their resume point (per play): everything runs from there on. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    Progress(Journal journal, boolean resuming) {
        this.journal = journal;
        this.resuming = resuming && journal != null && journal.hasRecords();
    }

    boolean resuming() {
        return resuming;
    }

    String playKey(Play p) {
        return journal == null ? "" : key(p.loc().file(), p.loc().line(), p.loc().col(), null);
    }

    private String taskKey(Task t) {
        return key(t.loc().file(), t.loc().line(), t.loc().col(), t.name() == null ? t.action() : t.name());
    }

    private String key(String file, int line, int col, String name) {
        String rel = file == null ? "?" : journal.relative(Path.of(file));
        return rel + ":" + line + ":" + col + (name == null ? "" : " " + name);
    }

    static boolean journalled(Task t) {
        return !t.handler() && !t.action().equals("meta") && !t.id().startsWith("gather-");
    }

    /** Counts this execution of {@code t} on {@code host} and says what the host does with it. */
    Decision decide(String play, Task t, String host) {
        if (journal == null || !journalled(t)) return Decision.RUN;
        String task = taskKey(t);
        int n = seen.computeIfAbsent(host, k -> new ConcurrentHashMap<>()).merge(play + "|" + task, 1, Integer::sum);
        if (!resuming || live.contains(host + "|" + play)) return Decision.RUN;
        if (n <= journal.done(host, play, task)) {
            return makesState(t) || journal.stateful(host, play, task) ? Decision.REPLAY : Decision.SKIP;
        }
        live.add(host + "|" + play);
        return Decision.RESUME;
    }

    /** Records how {@code t} ended on {@code host}: completed (the host goes on), or where the host stopped. */
    void record(String play, Task t, String host, TaskRunner.Outcome o, boolean completed, String shownName) {
        if (journal == null || !journalled(t)) return;
        String task = taskKey(t);
        if (completed) {
            int n = seen.getOrDefault(host, Map.of()).getOrDefault(play + "|" + task, 1);
            journal.completed(host, play, task, n, makesState(t) || o.result().containsKey("ansible_facts"));
        } else {
            journal.stopped(host, o.status() == Status.UNREACHABLE ? "unreachable" : "failed", task + " (TASK [" + shownName + "])");
        }
    }

    /** run_once: the first host's completion stands for the others of the batch. */
    void recordFor(String play, Task t, List<String> others, TaskRunner.Outcome o) {
        if (journal == null || !journalled(t)) return;
        String task = taskKey(t);
        for (String h : others) {
            int n = seen.getOrDefault(h, Map.of()).getOrDefault(play + "|" + task, 1);
            journal.completed(h, play, task, n, true);
        }
    }

    void notified(String play, String host, Iterable<String> names) {
        if (journal != null) journal.notified(host, play, names);
    }

    void handlerRan(String play, String host, Set<String> names) {
        if (journal != null) journal.handlerRan(host, play, names);
    }

    /** Handlers the host notified in the run being resumed and that never ran; empty once asked (or not resuming). */
    List<String> takePending(String play, String host) {
        if (!resuming || !pendingTaken.add(host + "|" + play)) return List.of();
        return journal.pendingHandlers(host, play);
    }

    private final Set<String> pendingTaken = ConcurrentHashMap.newKeySet();

    /** Dynamic includes loaded at run time: their files are checksummed too. */
    void loaded(List<TaskNode> tasks) {
        if (journal == null || tasks.isEmpty()) return;
        journal.addFiles(Fingerprints.files(Fingerprints.sources(tasks), journal::relative));
    }

    /**
     * Hosts failed or unreachable at the end (also those any_errors_fatal stopped without a failed task of their own,
     * and those that failed fact gathering, which is not journalled).
     */
    void ended(Set<String> failed, Set<String> unreachable) {
        if (journal == null) return;
        for (String h : failed) if (stillRunning(h)) journal.stopped(h, "failed", null);
        for (String h : unreachable) if (stillRunning(h)) journal.stopped(h, "unreachable", null);
        journal.flushSoon();
    }

    private boolean stillRunning(String host) {
        String status = journal.status(host);
        return status == null || status.equals("running");
    }

    void flushSoon() {
        if (journal != null) journal.flushSoon();
    }

    private static boolean makesState(Task t) {
        return t.register() != null || STATEFUL.contains(t.action()) || t.keywords().get("delegate_facts") != null;
    }
}
