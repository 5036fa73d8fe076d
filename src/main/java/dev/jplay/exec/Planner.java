package dev.jplay.exec;

import dev.jplay.connection.ShellCommand;
import dev.jplay.data.Py;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.output.Status;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.Task;
import dev.jplay.template.TemplateException;
import dev.jplay.vars.VarScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code jplay plan}: a run in check and diff mode (every task, {@code check_mode: false} ones too, so nothing is
 * written to a host) whose outcomes are classified for the real run that would follow: ok, changed, skipped, or
 * unknown when check mode cannot tell: a command/shell/raw/script task (not run), a condition or value that read a
 * result of a task that is itself changed or unknown or that ran after a change on its host (or
 * {@code ansible_check_mode} in a condition), a failure or a creates/removes test after a change or unknown on the
 * same host (the change it needs was not made), a handler notified only by unknown tasks. Such failures do not
 * stop the host. One instance per playbook run; hosts are classified on their
 * worker threads.
 */
public final class Planner {
    private static final Set<String> NOT_RUN = Set.of("Command would have run if not in check mode",
            "script would have run if not in check mode", "check mode and async cannot be used on same task.");
    private static final String CHECK_MODE = "ansible_check_mode";

    /** Names whose values are not what the real run would give them, per host; names tainted on every host. */
    private final Map<String, Map<String, String>> tainted = new ConcurrentHashMap<>();
    private final Map<String, String> taintedEverywhere = new ConcurrentHashMap<>();
    /** Hosts with a change or unknown so far: their later failures may come from changes not made. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Handler names notified per host by changed tasks (certain) and by unknown ones (maybe). */
    private final Map<String, Set<String>> certain = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> maybe = new ConcurrentHashMap<>();
    private final Map<String, Event.Planned> last = new ConcurrentHashMap<>();
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    /** Classifies what a task did in check mode on a host; an unknown failure becomes ignored so the host goes on. */
    TaskRunner.Outcome classify(Task task, String host, TaskInfo info, VarScope scope, TaskRunner.Outcome o) {
        Map<String, Object> r = o.result();
        String why = taintedBy(host, scope.reads());
        boolean afterChange = pending.contains(host);
        boolean notRun = notRun(r);
        boolean neverChanges = neverChanges(task);
        String outcome;
        String reason = null;
        boolean ignored = o.ignored();
        switch (o.status()) {
            case UNREACHABLE -> outcome = "unreachable";
            case FAILED -> {
                if (notRun) {
                    outcome = "unknown";
                    reason = "not run in check mode (async)";
                    ignored = true;
                    break;
                }
                String after = why != null ? why : pending.contains(host) ? "an earlier task on this host would change it or is unknown" : null;
                if (after != null || ignored && scope.reads().contains(CHECK_MODE)) {
                    outcome = "unknown";
                    reason = "fails in check mode; " + (after != null ? after : "its failure is ignored in check mode");
                    ignored = true;
                } else {
                    outcome = "failed";
                }
            }
            case SKIPPED -> {
                if (notRun) {
                    outcome = neverChanges ? "ok" : "unknown";
                    reason = "not run in check mode" + (neverChanges ? " (changed_when: false)" : "") + (why != null ? "; depends on " + why : "");
                } else if (why != null || scope.reads().contains(CHECK_MODE)) {
                    outcome = neverChanges ? "ok" : "unknown";
                    reason = "the condition " + (why != null ? "depends on " + why : "depends on check mode");
                } else {
                    outcome = "skipped";
                }
            }
            default -> {
                boolean controller = TaskRunner.CONTROLLER.contains(task.action());
                if (notRun && !task.changedWhen().isEmpty() && !neverChanges) {
                    outcome = "unknown";
                    reason = "changed_when depends on output the command did not give in check mode";
                } else if (why != null && !controller && !neverChanges) {
                    outcome = "unknown";
                    reason = "depends on " + why;
                } else if (afterChange && String.valueOf(r.get("msg")).startsWith("Would not run command since")) {
                    outcome = "unknown";
                    reason = "creates/removes checked before an earlier change on this host was made";
                } else {
                    outcome = o.status() == Status.CHANGED ? "changed" : "ok";
                }
            }
        }
        if (task.handler() && !notifiedByChange(task, host) && outcome.equals("changed")) {
            outcome = "unknown";
            reason = "notified only by tasks whose outcome is unknown";
        }
        boolean changes = outcome.equals("changed") || outcome.equals("unknown");
        if (changes) pending.add(host);
        if (changes || notRun || why != null || afterChange) taint(task, host, r, outcome, afterChange);
        else if (task.register() != null && tainted.containsKey(host)) tainted.get(host).remove(task.register());
        if (!task.notifies().isEmpty() && changes) notifies(task, host, scope, outcome.equals("changed"));
        last.put(host, new Event.Planned(host, info, outcome, reason, !notRun ? List.of() : info.noLog() ? List.of("(hidden: no_log)") : commands(task, r), r));
        return ignored == o.ignored() ? o : new TaskRunner.Outcome(o.status(), r, ignored, o.delegatedTo(), o.includes());
    }

    /** Whether the host's last task should notify its handlers although check mode did not report a change. */
    boolean mayNotify(String host) {
        Event.Planned p = last.get(host);
        return p != null && p.outcome().equals("unknown");
    }

    /** Reports the host's last classified task (after its host result), and counts it. */
    void report(Output out, String host, boolean shown) {
        Event.Planned p = last.remove(host);
        if (p == null || !shown && p.outcome().equals("ok")) return;
        long[] c = counts.computeIfAbsent(host, h -> new long[5]);
        synchronized (c) {
            switch (p.outcome()) {
                case "ok" -> c[0]++;
                case "changed" -> c[1]++;
                case "skipped" -> c[2]++;
                case "unknown" -> c[3]++;
                default -> c[4]++;
            }
        }
        out.on(p);
    }

    /** The plan's exit code: 4 a host unreachable, 1 a task failed, 2 changes pending, else 0. */
    int exitCode(int runCode) {
        if (runCode == 4) return 4;
        long changed = 0;
        for (long[] c : counts.values()) {
            if (c[4] > 0) return 1;
            changed += c[1];
        }
        return runCode != 0 ? 1 : changed > 0 ? 2 : 0;
    }

    Event.PlanSummary summary(List<String> hosts, int exitCode) {
        Map<String, Event.PlanCounts> m = new LinkedHashMap<>();
        for (String h : hosts) {
            long[] c = counts.getOrDefault(h, new long[5]);
            m.put(h, new Event.PlanCounts(c[0], c[1], c[2], c[3], c[4]));
        }
        return new Event.PlanSummary(m, exitCode);
    }

    private String taintedBy(String host, Set<String> reads) {
        Map<String, String> mine = tainted.getOrDefault(host, Map.of());
        for (String n : reads) {
            String why = mine.getOrDefault(n, taintedEverywhere.get(n));
            if (why != null) return "'" + n + "' (" + why + ")";
        }
        return null;
    }

    /** The names this task sets (register, set_fact) no longer hold what the real run would give them. */
    private void taint(Task task, String host, Map<String, Object> r, String outcome, boolean afterChange) {
        boolean everywhere = task.keywords().get("run_once") != null;
        String what = "set by '" + (task.name() == null ? task.action() : task.name()) + "', " + (outcome.equals("changed")
                || outcome.equals("unknown") ? outcome + " in the plan" : notRun(r) ? "not run in the plan"
                : afterChange ? "read before earlier changes on this host were made" : "from values not known in the plan");
        List<String> names = new ArrayList<>();
        if (task.register() != null) names.add(task.register());
        if (task.action().equals("set_fact") && r.get("ansible_facts") instanceof Map<?, ?> facts) {
            facts.keySet().forEach(k -> names.add(String.valueOf(k)));
        }
        for (String n : names) {
            if (everywhere) taintedEverywhere.put(n, what);
            else tainted.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(n, what);
        }
    }

    private void notifies(Task task, String host, VarScope scope, boolean sure) {
        Set<String> names = (sure ? certain : maybe).computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet());
        for (Object n : task.notifies()) {
            try {
                Object v = scope.templar().template(n, scope.context(task.loc()));
                if (v instanceof List<?> l) l.forEach(x -> names.add(Py.str(x)));  // a template may give several names, as PlayRun.notify
                else names.add(Py.str(v));
            } catch (TemplateException ex) {
                names.add(Py.str(n));
            }
        }
    }

    /** Did a changed task notify this handler on the host (rather than only unknown ones)? Consumes the notifications. */
    private boolean notifiedByChange(Task handler, String host) {
        Set<String> names = new HashSet<>(handler.listen());
        if (handler.name() != null) {
            names.add(handler.name());
            if (handler.role() != null) names.add(handler.role().name() + " : " + handler.name());
        }
        Set<String> sure = certain.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet());
        boolean isSure = names.stream().anyMatch(sure::contains);
        sure.removeAll(names);
        maybe.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).removeAll(names);
        return isSure;
    }

    private static boolean neverChanges(Task task) {
        List<Object> cw = task.changedWhen();
        return cw.size() == 1 && (Boolean.FALSE.equals(cw.get(0)) || "false".equalsIgnoreCase(String.valueOf(cw.get(0)).strip()));
    }

    /** A command-like module that check mode did not run (or, with creates/removes, would run). */
    @SuppressWarnings("unchecked")
    private static boolean notRun(Map<String, Object> r) {
        if (r.get("results") instanceof List<?> items) {
            for (Object i : items) if (i instanceof Map<?, ?> m && notRun((Map<String, Object>) m)) return true;
            return false;
        }
        String msg = String.valueOf(r.get("msg"));
        return NOT_RUN.contains(msg) || msg.endsWith(") does not support check mode");
    }

    /** The command lines a command-like task would run (each loop item's). */
    @SuppressWarnings("unchecked")
    private static List<String> commands(Task task, Map<String, Object> r) {
        List<String> out = new ArrayList<>();
        if (Boolean.TRUE.equals(r.get("_ansible_no_log"))) return List.of("(hidden: no_log)");
        if (r.get("results") instanceof List<?> items) {
            for (Object i : items) if (i instanceof Map<?, ?> m) out.addAll(commands(task, (Map<String, Object>) m));
            return out;
        }
        Object cmd = r.get("cmd");
        if (cmd instanceof List<?> words) out.add(String.join(" ", words.stream().map(w -> ShellCommand.quote(Py.str(w))).toList()));
        else if (cmd != null) out.add(Py.str(cmd));
        else if (notRun(r) && task.args().get("_raw_params") != null) out.add(Py.str(task.args().get("_raw_params")));
        return out;
    }
}
