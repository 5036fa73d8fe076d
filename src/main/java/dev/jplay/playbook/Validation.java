package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The static verdict on a loaded playbook, before any host is contacted: a task's {@link Task#problems() problem}
 * is an error now when the task is certain to run and so certain to fail, as Ansible would fail it; otherwise (the
 * task may not run: a {@code when}, {@code ignore_errors}, a block with {@code rescue}, a conditional include, a
 * handler, a tag or {@code --start-at-task} that skips it, a play that matches no host, a {@code meta: end_*} or an
 * unconditional {@code fail} before it) it is a located warning,
 * and the task fails if a host runs it. A playbook Ansible runs is never refused for a task that never runs.
 */
public final class Validation {
    /** What decides which tasks run: the tag selection, {@code --start-at-task}, and whether a play has hosts. */
    public record Reach(TagSelection tags, String startAt, Predicate<Play> hasHosts) {
        /** Everything runs: for checks without a run (e.g. tests). */
        public static final Reach ALL = new Reach(new TagSelection(Set.of("all"), Set.of()), null, p -> true);
    }

    /** Modules that report "changed" whenever they run (unless changed_when says otherwise): they notify for sure. */
    private static final Set<String> ALWAYS_CHANGED = Set.of("command", "shell", "raw", "script");
    private static final Set<String> ENDS = Set.of("end_play", "end_host", "end_batch");

    private final PlaybookLoader loader;
    private final Reach reach;
    private final List<SourceException> certain = new ArrayList<>();
    private final Set<SourceException> possible = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<SourceException> possibleInOrder = new ArrayList<>();
    private boolean started;
    private boolean ended;

    private Validation(PlaybookLoader loader, Reach reach) {
        this.loader = loader;
        this.reach = reach;
        this.started = reach.startAt() == null;
    }

    /**
     * Throws the first problem certain to fail the run; otherwise tells {@code warn} about each problem a task that
     * may run has (once each, in playbook order).
     */
    public static void check(List<Playbook> playbooks, PlaybookLoader loader, Reach reach, Consumer<String> warn) {
        Validation v = new Validation(loader, reach);
        for (Playbook pb : playbooks) for (Play p : pb.plays()) v.play(p);
        if (!v.certain.isEmpty()) throw v.certain.get(0);
        for (SourceException p : v.possibleInOrder) warn.accept(describe(p));
        for (SourceException a : loader.advisories()) warn.accept(advise(a));
    }

    /** A warning for a template that fails only if evaluated. */
    static String advise(SourceException a) {
        return a.loc() + ": " + sentence(a.getMessage()) + " This fails only if it is evaluated.";
    }

    /**
     * For {@code --syntax-check}, which, like Ansible's, judges only what loads: throws the first certain problem
     * Ansible finds while loading (an unknown module); every other problem is a warning.
     */
    public static void syntax(List<Playbook> playbooks, PlaybookLoader loader, Consumer<String> warn) {
        Validation v = new Validation(loader, Reach.ALL);
        for (Playbook pb : playbooks) for (Play p : pb.plays()) v.play(p);
        for (SourceException p : v.certain) if (p.kind() == Kind.PARSE) throw p;
        List<SourceException> all = new ArrayList<>(v.certain);
        all.addAll(v.possibleInOrder);
        Set<SourceException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SourceException p : all) if (seen.add(p)) warn.accept(describe(p));
        for (SourceException a : loader.advisories()) warn.accept(advise(a));
    }

    /**
     * The problem of a host's connection variable as the inventory gives it ({@code ansible_port=abc},
     * {@code ansible_connection=carrier_pigeon}, {@code ansible_become=maybe}, an unknown become method), or null:
     * Ansible fails every task on that host.
     */
    public static SourceException hostVariable(String name, Object value, dev.jplay.source.Loc at) {
        if (value == null || Templar.isTemplate(value)) return null;
        String keyword = switch (name) { // the keyword the variable sets, and Ansible's verdict on it
            case "ansible_port", "ansible_ssh_port" -> "port";
            case "ansible_connection" -> "connection";
            case "ansible_become" -> "become";
            case "ansible_become_method" -> "become_method";
            default -> null;
        };
        return keyword == null ? null : KeywordValues.problem(keyword, value, at);
    }

    /** Is {@code name} a connection type jplay implements? */
    public static boolean knownConnection(String name) {
        return dev.jplay.connection.ConnectionTypes.isKnown(name);
    }

    /** The error for a connection type jplay does not implement (Ansible's when it does not know it either). */
    public static SourceException unknownConnection(String name, dev.jplay.source.Loc at) {
        return KeywordValues.connection(name, at);
    }

    /** Is {@code name} a become method jplay implements? */
    public static boolean knownBecomeMethod(String name) {
        return KeywordValues.BECOME_METHODS.contains(name);
    }

    /** The error for a become method jplay does not implement. */
    public static SourceException unknownBecomeMethod(String name, dev.jplay.source.Loc at) {
        return KeywordValues.becomeMethod(name, at);
    }

    /** A warning for a problem: where, what, and what happens. */
    static String describe(SourceException p) {
        return p.loc() + ": " + sentence(p.getMessage() + (p.hint() != null ? " (" + p.hint().replace("\n", "; ") + ")" : ""))
                + " A host that runs this task fails.";
    }

    /** {@code text} ending in one period. */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private void play(Play play) {
        boolean reached = play.when().isEmpty() && reach.hasHosts().test(play);
        ended = false;
        Set<String> handlers = handlerNames(play);
        boolean dynamicHandlers = anyDynamicRole(play);
        for (List<TaskNode> section : play.sections()) nodes(section, reached, handlers, dynamicHandlers);
        for (Task h : play.handlers()) task(h, false, handlers, dynamicHandlers);
    }

    private void nodes(List<TaskNode> nodes, boolean certainSoFar, Set<String> handlers, boolean dynamicHandlers) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                nodes(b.block(), certainSoFar && b.rescue().isEmpty(), handlers, dynamicHandlers);
                nodes(b.rescue(), false, handlers, dynamicHandlers);
                nodes(b.always(), certainSoFar, handlers, dynamicHandlers);
            } else if (n instanceof Task t) {
                task(t, certainSoFar, handlers, dynamicHandlers);
            }
        }
    }

    private void task(Task t, boolean certainSoFar, Set<String> handlers, boolean dynamicHandlers) {
        if (!started && matchesStart(t)) started = true;
        boolean reached = certainSoFar && started && !ended && !t.handler() && !ignoresErrors(t) && reach.tags().shouldRun(t.tags());
        boolean runs = reached && t.when().isEmpty() && loopRuns(t);
        for (SourceException p : t.problems()) {
            report(p, switch (loader.stage(p)) {
                case WHEN -> reached; // its own condition fails before anything else
                case LOOP -> reached && t.when().isEmpty();
                case BODY -> runs;
            });
        }
        if (!dynamicHandlers) {
            SourceException missing = missingHandler(t, handlers);
            if (missing != null) report(missing, runs && ALWAYS_CHANGED.contains(t.action()) && t.changedWhen().isEmpty());
        }
        if (t.isInclude()) {
            SourceException missing = loader.unresolved(t);
            if (missing != null) report(missing, false); // an earlier task may create it
            List<TaskNode> included = loader.preloaded(t);
            if (included != null) nodes(included, runs && t.problems().isEmpty(), handlers, dynamicHandlers);
        }
        if (runs && t.action().equals("meta") && ENDS.contains(Py.str(t.args().get("_raw_params")))) ended = true;
        if (runs && t.action().equals("fail") && t.failedWhen().isEmpty()) ended = true; // the hosts stop here for sure
    }

    private void report(SourceException p, boolean runs) {
        if (runs) certain.add(p);
        else if (possible.add(p)) possibleInOrder.add(p);
    }

    private boolean matchesStart(Task t) {
        if (t.name() == null) return false;
        String name = Py.str(t.name());
        return name.equals(reach.startAt()) || (t.role() != null && (t.role().name() + " : " + name).equals(reach.startAt()));
    }

    /** Is {@code ignore_errors} set to anything but a literal false? */
    private static boolean ignoresErrors(Task t) {
        Object v = t.keywords().get("ignore_errors");
        if (v == null || Templar.isTemplate(v)) return v != null;
        try {
            return ArgConverter.toBool(v);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A task without a loop runs once; with a literal non-empty list at least once; otherwise maybe never. */
    private static boolean loopRuns(Task t) {
        if (t.loop() == null || t.loop().items() instanceof java.util.Map) return true; // a mapping fails it for sure
        return t.loop().items() instanceof List<?> l && !l.isEmpty() && !Templar.isTemplate(l)
                && (t.loop().with() == null || t.loop().with().equals("items") || t.loop().with().equals("list"));
    }

    private static Set<String> handlerNames(Play play) {
        Set<String> known = new HashSet<>();
        for (Task h : play.handlers()) {
            if (h.name() != null) {
                known.add(h.name());
                if (h.role() != null) known.add(h.role().name() + " : " + h.name());
            }
            known.addAll(h.listen());
        }
        return known;
    }

    private static boolean anyDynamicRole(Play play) {
        for (List<TaskNode> s : play.sections()) if (anyDynamicRole(s)) return true;
        return play.handlers().stream().anyMatch(t -> t.action().equals("include_role") || t.action().equals("include_tasks"));
    }

    private static boolean anyDynamicRole(List<TaskNode> nodes) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t && t.action().equals("include_role")) return true;
            if (n instanceof Block b && (anyDynamicRole(b.block()) || anyDynamicRole(b.rescue()) || anyDynamicRole(b.always()))) return true;
        }
        return false;
    }

    /** A literal {@code notify} that names no handler of the play (Ansible fails when it is notified). */
    private static SourceException missingHandler(Task t, Set<String> known) {
        for (Object n : t.notifies()) {
            String name = Py.str(n);
            if (Templar.isTemplate(name) || known.contains(name)) continue;
            String hint = Keys.closest(name, known).map(s -> "did you mean '" + s + "'?")
                    .orElse(known.isEmpty() ? "this play defines no handlers" : "handlers here: " + String.join(", ", new java.util.TreeSet<>(known)));
            return new SourceException("The requested handler '" + name + "' was not found in either the main handlers list nor in the "
                    + "listening handlers list", t.loc(), hint, null, Kind.ERROR);
        }
        return null;
    }
}
