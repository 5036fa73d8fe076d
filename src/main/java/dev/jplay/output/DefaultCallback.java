package dev.jplay.output;

import dev.jplay.data.Py;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ansible-playbook's default stdout callback, line for line. */
public final class DefaultCallback implements Callback {
    private final Display d;
    private final int verbosity;
    private final boolean showSkipped;
    private final boolean showOk;
    private final boolean showCustomStats;
    private final Map<String, TaskInfo> tasks = new HashMap<>();
    private String lastBanner;

    /** {@code showCustomStats}: set_stats data after the recap ({@code show_custom_stats}). */
    public DefaultCallback(Display display, int verbosity, boolean showSkipped, boolean showOk, boolean showCustomStats) {
        this.d = display;
        this.showCustomStats = showCustomStats;
        this.verbosity = verbosity;
        this.showSkipped = showSkipped;
        this.showOk = showOk;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.PlaybookStarted p) {
            if (verbosity > 1) d.banner("PLAYBOOK: " + Path.of(p.path()).getFileName(), null);
        } else if (e instanceof Event.PlayStarted p) {
            d.banner(p.name().isBlank() ? "PLAY" : "PLAY [" + p.name().strip() + "]", null);
        } else if (e instanceof Event.NoHostsMatched) {
            d.display("skipping: no hosts matched", Display.SKIP);
        } else if (e instanceof Event.TaskStarted t) {
            tasks.put(t.task().id(), t.task());
            if (showSkipped && showOk) banner(t.task());
        } else if (e instanceof Event.HostResult r) {
            hostResult(r);
        } else if (e instanceof Event.ItemResult r) {
            itemResult(r);
        } else if (e instanceof Event.Retrying r) {
            String msg = "FAILED - RETRYING: [" + label(r.host(), null) + "]: " + r.task().banner() + " (" + r.retriesLeft() + " retries left).";
            if (Results.verbose(r.result(), verbosity, 2)) msg += "Result was: " + Results.dump(Results.displayCopy(r.result()), verbosity, null);
            d.display(msg, Display.DEBUG);
        } else if (e instanceof Event.Async a) {
            async(a);
        } else if (e instanceof Event.Included i) {
            String item = i.label() == null ? "" : " => (item=" + dev.jplay.data.Py.str(i.label()) + ")";
            d.display("included: " + i.file() + " for " + String.join(", ", i.hosts()) + item, Display.SKIP);
        } else if (e instanceof Event.Warning w) {
            d.warning(w.message());
        } else if (e instanceof Event.Deprecation w) {
            d.deprecation(w.message());
        } else if (e instanceof Event.Verbose v) {
            if (verbosity >= v.level()) d.display(v.message(), Display.VERBOSE);
        } else if (e instanceof Event.NoMoreHosts) {
            d.banner("NO MORE HOSTS LEFT", null);
        } else if (e instanceof Event.Recap r) {
            recap(r);
        } else if (e instanceof Event.Text t) {
            d.display(t.text(), null);
        } else if (e instanceof Event.Error err) {
            d.displayErr(err.message(), Display.ERROR);
        }
    }

    private void async(Event.Async a) {
        Object jid = a.result().get("ansible_job_id");
        String on = " on " + a.host() + ": jid=" + Py.str(jid);
        switch (a.step()) {
            case POLL -> d.display("ASYNC POLL" + on + " started=" + Py.str(a.result().get("started")) + " finished="
                    + Py.str(a.result().get("finished")), Display.DEBUG);
            case OK -> d.display("ASYNC OK" + on, Display.DEBUG);
            case FAILED -> d.display("ASYNC FAILED" + on, Display.DEBUG);
        }
    }

    private void banner(TaskInfo t) {
        d.banner((t.handler() ? "RUNNING HANDLER" : "TASK") + " [" + t.banner() + "]", null);
        if (verbosity >= 2 && t.loc().known()) d.display("task path: " + t.loc().file() + ":" + t.loc().line(), Display.DEBUG);
        lastBanner = t.id();
    }

    private void ensureBanner(TaskInfo t) {
        if (!t.id().equals(lastBanner)) banner(tasks.getOrDefault(t.id(), t));
    }

    private static String label(String host, String delegatedTo) {
        return delegatedTo == null || delegatedTo.equals(host) ? host : host + " -> " + delegatedTo;
    }

    private void warnings(Map<String, Object> r) {
        if (r.get("warnings") instanceof List<?> w) for (Object o : w) d.warning(String.valueOf(o));
        r.remove("warnings");
        if (r.get("deprecations") instanceof List<?> w) {
            for (Object o : w) d.deprecation(o instanceof Map<?, ?> m ? String.valueOf(m.get("msg")) : String.valueOf(o));
        }
        r.remove("deprecations");
    }

    private void hostResult(Event.HostResult e) {
        Map<String, Object> r = Results.displayCopy(e.result());
        TaskInfo t = e.task();
        boolean loop = t.loop() && r.containsKey("results");
        String label = label(e.host(), e.delegatedTo());
        switch (e.status()) {
            case OK, CHANGED -> {
                if (e.status() == Status.OK && !showOk) return;
                fileDiff(t, r, loop);
                ensureBanner(t);
                warnings(r);
                if (loop) return;
                Results.clean(r, t.action());
                String msg = (e.status() == Status.CHANGED ? "changed: [" : "ok: [") + label + "]";
                if (Results.verbose(r, verbosity, 0)) msg += " => " + Results.dump(r, verbosity, null);
                d.display(msg, e.status() == Status.CHANGED ? Display.CHANGED : Display.OK);
            }
            case FAILED -> {
                ensureBanner(t);
                Results.clean(r, t.action());
                exception(r);
                warnings(r);
                if (!loop) d.display("fatal: [" + label + "]: FAILED! => " + Results.dump(r, verbosity, null), Display.ERROR);
                if (e.ignored()) d.display("...ignoring", Display.SKIP);
            }
            case SKIPPED -> {
                if (!showSkipped) return;
                ensureBanner(t);
                Results.clean(r, t.action());
                String msg = "skipping: [" + e.host() + "]";
                if (Results.verbose(r, verbosity, 0)) msg += " => " + Results.dump(r, verbosity, null);
                d.display(msg, Display.SKIP);
            }
            case UNREACHABLE -> {
                ensureBanner(t);
                d.display("fatal: [" + label + "]: UNREACHABLE! => " + Results.dump(r, verbosity, null), Display.UNREACHABLE);
                if (e.ignored()) d.display("...ignoring", Display.SKIP);
            }
            default -> { }
        }
    }

    private void exception(Map<String, Object> r) {
        if (!r.containsKey("exception")) return;
        String ex = String.valueOf(r.get("exception")).strip();
        if (verbosity < 3) {
            String[] lines = ex.split("\n");
            d.display("An exception occurred during task execution. To see the full traceback, use -vvv. The error was: "
                    + lines[lines.length - 1], Display.ERROR);
        } else {
            d.display("The full traceback is:\n" + ex, Display.ERROR);
            r.remove("exception");
        }
    }

    @SuppressWarnings("unchecked")
    private void fileDiff(TaskInfo t, Map<String, Object> r, boolean loop) {
        if (loop) {
            for (Object o : (List<Object>) r.get("results")) {
                if (o instanceof Map<?, ?> item) printDiff(t, (Map<String, Object>) item);
            }
        } else {
            printDiff(t, r);
        }
    }

    private void printDiff(TaskInfo t, Map<String, Object> r) {
        if (!Boolean.TRUE.equals(r.get("_ansible_diff")) || r.get("diff") == null || !Boolean.TRUE.equals(r.get("changed"))) return;
        String text = Results.diff(r.get("diff"), d);
        if (text.isEmpty()) return;
        ensureBanner(t);
        d.display(text, null);
    }

    private void itemResult(Event.ItemResult e) {
        Map<String, Object> r = Results.displayCopy(e.result());
        TaskInfo t = e.task();
        String label = label(e.host(), e.delegatedTo());
        String item = Results.itemLabel(r);
        switch (e.status()) {
            case OK, CHANGED -> {
                if (e.status() == Status.OK && !showOk) return;
                ensureBanner(t);
                Results.clean(r, t.action());
                String msg = (e.status() == Status.CHANGED ? "changed" : "ok") + ": [" + label + "] => (item=" + item + ")";
                if (Results.verbose(r, verbosity, 0)) msg += " => " + Results.dump(r, verbosity, null);
                d.display(msg, e.status() == Status.CHANGED ? Display.CHANGED : Display.OK);
            }
            case FAILED, UNREACHABLE -> {
                ensureBanner(t);
                Results.clean(r, t.action());
                exception(r);
                warnings(r);
                d.display("failed: [" + label + "] (item=" + item + ") => " + Results.dump(r, verbosity, null), Display.ERROR);
            }
            case SKIPPED -> {
                if (!showSkipped) return;
                ensureBanner(t);
                Results.clean(r, t.action());
                String msg = "skipping: [" + e.host() + "] => (item=" + item + ") ";
                if (Results.verbose(r, verbosity, 0)) msg += " => " + Results.dump(r, verbosity, null);
                d.display(msg, Display.SKIP);
            }
            default -> { }
        }
    }

    private void recap(Event.Recap r) {
        d.banner("PLAY RECAP", null);
        r.stats().forEach((host, s) -> {
            String h;
            if (d.color()) {
                String c = s.failed() != 0 || s.unreachable() != 0 ? Display.ERROR : s.changed() != 0 ? Display.CHANGED : Display.OK;
                h = String.format("%-37s", d.paint(host, c));
            } else {
                h = String.format("%-26s", host);
            }
            d.display(h + " : " + count("ok", s.ok(), Display.OK) + " " + count("changed", s.changed(), Display.CHANGED) + " "
                    + count("unreachable", s.unreachable(), Display.UNREACHABLE) + " " + count("failed", s.failed(), Display.ERROR) + " "
                    + count("skipped", s.skipped(), Display.SKIP) + " " + count("rescued", s.rescued(), Display.OK) + " "
                    + count("ignored", s.ignored(), Display.WARN), null);
        });
        d.display("", null);
        if (showCustomStats && !r.custom().isEmpty()) customStats(r.custom());
    }

    /** {@code CUSTOM STATS:}: each host's set_stats data, then the run's ({@code RUN:}), as one-line JSON. */
    private void customStats(Map<String, Map<String, Object>> custom) {
        d.banner("CUSTOM STATS: ", null);
        custom.forEach((host, data) -> {
            if (!host.equals("_run")) d.display("\t" + host + ": " + oneLine(data), null);
        });
        if (custom.containsKey("_run")) {
            d.display("", null);
            d.display("\tRUN: " + oneLine(custom.get("_run")), null);
        }
        d.display("", null);
    }

    /** Ansible's {@code _dump_results(data, indent=1)} with its newlines removed. */
    private String oneLine(Map<String, Object> data) {
        return Results.dump(data, verbosity, 1).replace("\n", "");
    }

    private String count(String lead, int n, String color) {
        String s = String.format("%s=%-4s", lead, n);
        return n != 0 ? d.paint(s, color) : s;
    }
}
