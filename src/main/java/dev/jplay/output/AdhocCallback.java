package dev.jplay.output;

import dev.jplay.data.Py;
import java.util.Map;
import java.util.Set;

/** The {@code minimal} and {@code oneline} callbacks that {@code jplay adhoc} uses, as the {@code ansible} command prints. */
public final class AdhocCallback implements Callback {
    private static final Set<String> NO_JSON = Set.of("command", "shell", "raw");
    private final Display d;
    private final int verbosity;
    private final boolean oneLine;

    public AdhocCallback(Display display, int verbosity, boolean oneLine) {
        this.d = display;
        this.verbosity = verbosity;
        this.oneLine = oneLine;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Warning w) {
            d.warning(w.message());
        } else if (e instanceof Event.Error err) {
            d.displayErr(err.message(), Display.ERROR);
        } else if (e instanceof Event.HostResult r) {
            result(r);
        }
    }

    private void result(Event.HostResult e) {
        Map<String, Object> r = Results.displayCopy(e.result());
        String host = e.host();
        boolean noJson = NO_JSON.contains(e.task().action());
        switch (e.status()) {
            case OK, CHANGED -> {
                Results.clean(r, e.task().action());
                if (r.get("warnings") instanceof java.util.List<?> w) for (Object o : w) d.warning(String.valueOf(o));
                r.remove("warnings");
                if (Boolean.TRUE.equals(r.get("_ansible_diff")) && r.get("diff") != null) d.display(Results.diff(r.get("diff"), d), null);
                String state = e.status() == Status.CHANGED ? "CHANGED" : "SUCCESS";
                String color = e.status() == Status.CHANGED ? Display.CHANGED : Display.OK;
                d.display(noJson ? command(host, r, state) : host + " | " + state + " => " + dump(r), color);
            }
            case FAILED -> d.display(noJson && !r.containsKey("module_stderr") ? command(host, r, "FAILED")
                    : host + " | FAILED! => " + dump(r), Display.ERROR);
            case SKIPPED -> d.display(host + " | SKIPPED", Display.SKIP);
            case UNREACHABLE -> d.display(oneLine ? host + " | UNREACHABLE!: " + Py.str(r.getOrDefault("msg", ""))
                    : host + " | UNREACHABLE! => " + dump(r), Display.UNREACHABLE);
            default -> { }
        }
    }

    private String dump(Map<String, Object> r) {
        String s = Results.dump(r, verbosity, oneLine ? 0 : 4);
        return oneLine ? s.replace("\n", "") : s;
    }

    private String command(String host, Map<String, Object> r, String caption) {
        Object rc = r.getOrDefault("rc", -1L);
        if (oneLine) {
            String out = Py.str(r.getOrDefault("stdout", "")).replace("\n", "\\n").replace("\r", "\\r");
            String err = Py.str(r.getOrDefault("stderr", ""));
            return err.isEmpty() ? host + " | " + caption + " | rc=" + rc + " | (stdout) " + out
                    : host + " | " + caption + " | rc=" + rc + " | (stdout) " + out + " (stderr) " + err.replace("\n", "\\n").replace("\r", "\\r");
        }
        return host + " | " + caption + " | rc=" + rc + " >>\n" + Py.str(r.getOrDefault("stdout", "")) + Py.str(r.getOrDefault("stderr", ""))
                + Py.str(r.getOrDefault("msg", "")) + "\n";
    }
}
