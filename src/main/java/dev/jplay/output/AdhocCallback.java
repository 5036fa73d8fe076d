package dev.jplay.output;

import dev.jplay.data.Py;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code minimal} and {@code oneline} callbacks that {@code jplay adhoc} and the console use, as the
 * {@code ansible} command prints. Grouped, a task's results are held until the task ends and hosts with identical
 * results share one entry ({@link Grouping}).
 */
public final class AdhocCallback implements Callback {
    private static final Set<String> NO_JSON = Set.of("command", "shell", "raw");
    private final Display d;
    private final int verbosity;
    private final boolean oneLine;
    private final Grouping grouping;
    private List<String> hosts = List.of();
    /** Hosts whose output of the current task was shown live: their result does not repeat it. */
    private final Set<String> live = new java.util.HashSet<>();

    public AdhocCallback(Display display, int verbosity, boolean oneLine, boolean grouped) {
        this.d = display;
        this.verbosity = verbosity;
        this.oneLine = oneLine;
        this.grouping = grouped ? new Grouping() : null;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Warning w) {
            d.warning(w.message());
        } else if (e instanceof Event.Error err) {
            d.displayErr(err.message(), Display.ERROR);
        } else if (e instanceof Event.Live l) {
            live.add(l.host());
            d.display(l.host() + " | " + l.line(), l.stderr() ? Display.ERROR : null);
        } else if (e instanceof Event.Verbose v) {
            if (verbosity >= v.level()) d.display(v.message(), Display.VERBOSE);
        } else if (e instanceof Event.PlayStarted p) {
            hosts = p.hosts();
        } else if (e instanceof Event.HostResult r) {
            result(r);
        } else if (e instanceof Event.TaskStarted || e instanceof Event.Recap || e instanceof Event.PlaybookEnded) {
            flush();
            live.clear();
        }
    }

    /** Long commands' output is shown as it comes ({@link Event.Live}), host-prefixed. */
    @Override
    public boolean wantsLiveOutput() {
        return true;
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        if (grouping == null) return;
        for (Grouping.Group g : grouping.drain(hosts)) {
            if (!g.entry().before().isEmpty()) d.display(g.entry().before(), null);
            d.display(g.label() + g.entry().text(), g.entry().color());
        }
    }

    private void result(Event.HostResult e) {
        Map<String, Object> r = Results.displayCopy(e.result());
        if (r.get("warnings") instanceof List<?> w) for (Object o : w) d.warning(String.valueOf(o));
        r.remove("warnings");
        Grouping.Entry entry = entry(e, r);
        if (entry == null) return;
        if (grouping != null) grouping.add(e.host(), entry);
        else d.display(e.host() + entry.text(), entry.color());
    }

    /** What follows the host name, and its colour; null for results this callback does not show. */
    private Grouping.Entry entry(Event.HostResult e, Map<String, Object> r) {
        // an async job's result (with its ansible_job_id) is shown as JSON, whatever the module
        boolean noJson = NO_JSON.contains(e.task().action()) && !r.containsKey("ansible_job_id");
        return switch (e.status()) {
            case OK, CHANGED -> {
                Results.clean(r, e.task().action());
                String diff = Boolean.TRUE.equals(r.get("_ansible_diff")) && r.get("diff") != null ? Results.diff(r.get("diff"), d) : "";
                String state = e.status() == Status.CHANGED ? "CHANGED" : "SUCCESS";
                String color = e.status() == Status.CHANGED ? Display.CHANGED : Display.OK;
                // a diff is printed on its own before the result line, in its own colours
                if (!diff.isEmpty() && grouping == null) d.display(diff, null);
                String text = noJson ? command(e.host(), r, state) : " | " + state + " => " + dump(r);
                yield new Grouping.Entry(grouping == null ? "" : diff, text, color);
            }
            case FAILED -> new Grouping.Entry("", noJson && !r.containsKey("module_stderr") ? command(e.host(), r, "FAILED")
                    : " | FAILED! => " + dump(r), Display.ERROR);
            case SKIPPED -> new Grouping.Entry("", " | SKIPPED", Display.SKIP);
            case UNREACHABLE -> new Grouping.Entry("", oneLine ? " | UNREACHABLE!: " + Py.str(r.getOrDefault("msg", ""))
                    : " | UNREACHABLE! => " + dump(r), Display.UNREACHABLE);
        };
    }

    private String dump(Map<String, Object> r) {
        // oneline: indent 0 (one key a line, then joined), but 4 from -vvv or when verbose_always, as Ansible's _dump_results
        boolean indented = verbosity > 2 || Boolean.TRUE.equals(r.get("_ansible_verbose_always"));
        String s = Results.dump(r, verbosity, oneLine && !indented ? 0 : 4);
        return oneLine ? s.replace("\n", "") : s;
    }

    private String command(String host, Map<String, Object> r, String caption) {
        Object rc = r.getOrDefault("rc", -1L);
        if (live.contains(host)) return " | " + caption + " | rc=" + rc + " >> (output shown above)" + (Py.str(r.getOrDefault("msg", "")).isEmpty()
                ? "" : "\n" + Py.str(r.get("msg")));
        if (oneLine) {
            String out = Py.str(r.getOrDefault("stdout", "")).replace("\n", "\\n").replace("\r", "\\r");
            String err = Py.str(r.getOrDefault("stderr", ""));
            return err.isEmpty() ? " | " + caption + " | rc=" + rc + " | (stdout) " + out
                    : " | " + caption + " | rc=" + rc + " | (stdout) " + out + " (stderr) " + err.replace("\n", "\\n").replace("\r", "\\r");
        }
        return " | " + caption + " | rc=" + rc + " >>\n" + Py.str(r.getOrDefault("stdout", "")) + Py.str(r.getOrDefault("stderr", ""))
                + Py.str(r.getOrDefault("msg", "")) + "\n";
    }
}
