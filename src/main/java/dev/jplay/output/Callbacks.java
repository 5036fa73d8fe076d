package dev.jplay.output;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a run's {@link Output} from the chosen stdout callback and the enabled extra callbacks. */
public final class Callbacks {
    private Callbacks() {}

    /**
     * @param stdout   {@code default}, {@code minimal}, {@code oneline}, {@code plan} or {@code jsonl} (also {@code json}/{@code ansible.posix.jsonl})
     * @param enabled  extra callbacks: {@code profile_tasks}, {@code timer} (collection prefixes accepted)
     * @param color    ANSI colours on stdout/stderr
     * @param columns  terminal width for banners and wrapping
     * @param grouped  {@code minimal}/{@code oneline}: hosts with identical results shown once ({@link Grouping})
     * @param tree     a directory for each host's result ({@code ansible -t}), or null
     * @param showCustomStats the default callback's {@code show_custom_stats}: set_stats data after the recap
     */
    public record Options(String stdout, List<String> enabled, int verbosity, boolean color, int columns, boolean showSkipped,
                          boolean showOk, PrintStream out, PrintStream err, boolean grouped, Path tree, boolean showCustomStats) {
        public Options withVerbosity(int v) {
            return new Options(stdout, enabled, v, color, columns, showSkipped, showOk, out, err, grouped, tree, showCustomStats);
        }

        public Options withGrouped(boolean g) {
            return new Options(stdout, enabled, verbosity, color, columns, showSkipped, showOk, out, err, g, tree, showCustomStats);
        }
    }

    public static Output create(Options o) {
        Display d = new Display(o.out(), o.err(), o.color(), o.columns());
        List<Callback> all = new ArrayList<>();
        String name = o.stdout() == null ? "default" : o.stdout().replace("ansible.builtin.", "").replace("ansible.posix.", "")
                .replace("community.general.", "");
        switch (name) {
            case "minimal" -> all.add(new AdhocCallback(d, o.verbosity(), false, o.grouped()));
            case "oneline" -> all.add(new AdhocCallback(d, o.verbosity(), true, o.grouped()));
            case "json", "jsonl" -> all.add(new JsonLinesCallback(o.out()));
            case "plan" -> all.add(new PlanCallback(d, o.verbosity()));
            case "default", "yaml", "debug" -> all.add(new DefaultCallback(d, o.verbosity(), o.showSkipped(), o.showOk(), o.showCustomStats()));
            default -> {
                d.warning("Invalid callback for stdout specified: " + o.stdout() + "; using the default callback");
                all.add(new DefaultCallback(d, o.verbosity(), o.showSkipped(), o.showOk(), o.showCustomStats()));
            }
        }
        for (String extra : o.enabled()) {
            String n = extra.strip().replace("ansible.posix.", "").replace("community.general.", "");
            if (n.equals("profile_tasks")) all.add(new ProfileTasks(d, o.columns(), false));
            else if (n.equals("timer")) all.add(new ProfileTasks(d, o.columns(), true));
        }
        if (o.tree() != null) all.add(new TreeCallback(o.tree(), d, o.verbosity()));
        return new Output(all);
    }
}
