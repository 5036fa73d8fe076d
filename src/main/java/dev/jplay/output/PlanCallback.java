package dev.jplay.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jplay plan}'s output: per play and task, each host's predicted outcome ({@code changed: [h]} with the diff
 * it would make, {@code unknown: [h]} with why and the command it would run, {@code ok}/{@code skipped}), then a
 * table of hosts by changed and unknown tasks. Tasks where every host is ok or skipped show only with -v.
 */
public final class PlanCallback implements Callback {
    private final Display d;
    private final int verbosity;
    private TaskInfo task;
    private boolean taskShown;
    private String play;
    private List<String> hosts = List.of();
    /** The current task's outcomes, shown in the play's host order when the next task starts. */
    private final List<Event.Planned> pending = new ArrayList<>();

    public PlanCallback(Display d, int verbosity) {
        this.d = d;
        this.verbosity = verbosity;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.PlayStarted p) {
            flush();
            play = p.name();
            hosts = p.hosts();
        } else if (e instanceof Event.TaskStarted t) {
            flush();
            task = t.task();
            taskShown = false;
        } else if (e instanceof Event.Planned p) {
            pending.add(p);
        } else if (e instanceof Event.PlanSummary s) {
            flush();
            summary(s);
        } else if (e instanceof Event.Warning w) {
            d.warning(w.message());
        } else if (e instanceof Event.Deprecation w) {
            d.deprecation(w.message());
        } else if (e instanceof Event.Error err) {
            d.displayErr("ERROR! " + err.message(), Display.ERROR);
        } else if (e instanceof Event.Text t) {
            d.display(t.text(), null);
        } else if (e instanceof Event.Verbose v && v.level() <= verbosity) {
            d.display(v.message(), Display.VERBOSE);
        }
    }

    private void flush() {
        pending.sort(java.util.Comparator.comparingInt(p -> hosts.indexOf(p.host())));
        pending.forEach(this::planned);
        pending.clear();
    }

    private void planned(Event.Planned p) {
        boolean quiet = p.outcome().equals("ok") || p.outcome().equals("skipped");
        if (quiet && verbosity < 1) return;
        if (!taskShown) {
            if (play != null) d.banner("PLAY [" + play + "]", null);
            play = null;
            TaskInfo t = task != null && task.id().equals(p.task().id()) ? task : p.task();
            d.banner((t.handler() ? "RUNNING HANDLER [" : "TASK [") + t.banner() + "]", null);
            taskShown = true;
        }
        StringBuilder line = new StringBuilder(p.outcome() + ": [" + p.host() + "]");
        if (p.reason() != null) line.append(" (").append(p.reason()).append(')');
        d.display(line.toString(), color(p.outcome()));
        for (String c : p.commands()) d.display("    would run: " + c, color(p.outcome()));
        if (p.outcome().equals("changed") && !Boolean.TRUE.equals(p.result().get("_ansible_no_log"))) diffs(p.result());
        if ((p.outcome().equals("failed") || p.outcome().equals("unreachable")) && Results.displayCopy(p.result()).get("msg") != null) {
            d.display("    " + Results.displayCopy(p.result()).get("msg"), Display.ERROR);
        }
    }

    @SuppressWarnings("unchecked")
    private void diffs(Map<String, Object> r) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (r.get("results") instanceof List<?> items) {
            for (Object i : items) if (i instanceof Map<?, ?> m) all.add((Map<String, Object>) m);
        } else {
            all.add(r);
        }
        for (Map<String, Object> one : all) {
            if (one.get("diff") == null || !Boolean.TRUE.equals(one.get("changed"))) continue;
            String text = Results.diff(one.get("diff"), d);
            if (!text.isEmpty()) d.display(text, null);
        }
    }

    private static String color(String outcome) {
        return switch (outcome) {
            case "changed" -> Display.CHANGED;
            case "unknown" -> Display.WARN;
            case "skipped" -> Display.SKIP;
            case "ok" -> Display.OK;
            default -> Display.ERROR;
        };
    }

    private void summary(Event.PlanSummary s) {
        d.banner("PLAN SUMMARY", null);
        int width = Math.max(4, s.hosts().keySet().stream().mapToInt(String::length).max().orElse(4));
        String fmt = "%-" + width + "s  %7s  %7s  %5s  %7s  %6s";
        d.display(String.format(Locale.ROOT, fmt, "HOST", "CHANGED", "UNKNOWN", "OK", "SKIPPED", "FAILED"), null);
        long changed = 0;
        long unknown = 0;
        long hosts = 0;
        for (var en : s.hosts().entrySet()) {
            Event.PlanCounts c = en.getValue();
            String row = String.format(Locale.ROOT, fmt, en.getKey(), c.changed(), c.unknown(), c.ok(), c.skipped(), c.failed());
            d.display(row, c.failed() > 0 ? Display.ERROR : c.changed() > 0 ? Display.CHANGED : c.unknown() > 0 ? Display.WARN : Display.OK);
            changed += c.changed();
            unknown += c.unknown();
            if (c.changed() > 0) hosts++;
        }
        String verdict = switch (s.exitCode()) {
            case 0 -> unknown > 0 ? "No change known to be pending" : "No changes pending";
            case 2 -> changed + " change" + (changed == 1 ? "" : "s") + " pending on " + hosts + " host" + (hosts == 1 ? "" : "s");
            case 4 -> "Incomplete plan: a host could not be reached";
            default -> "Incomplete plan: a task failed";
        };
        d.display("\n" + verdict + (unknown > 0 ? "; " + unknown + " unknown (check mode cannot tell)" : "") + ".", null);
    }
}
