package dev.jplay.exec;

import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.ArgumentException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.output.Event;
import dev.jplay.output.Status;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.ReportedByRun;
import dev.jplay.playbook.Task;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import dev.jplay.vars.PlayVars;
import dev.jplay.vars.VarScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one task on one host: loop items, {@code when}, keywords, arguments (templated, module defaults, omit,
 * validated), check mode, the module with {@code until} retries, {@code changed_when}/{@code failed_when},
 * facts and {@code register}. Returns the outcome; the strategy turns it into stats and events.
 */
final class TaskRunner {
    /** Actions that run on the controller only: they never open a connection. */
    static final Set<String> CONTROLLER = Set.of("debug", "set_fact", "fail", "assert", "pause", "add_host", "group_by",
            "include_vars", "include_tasks", "include_role", "include", "meta", "set_stats", "validate_argument_spec");
    /** Modules that start even when the host cannot be reached yet (they connect themselves). */
    private static final Set<String> CONNECT_THEMSELVES = Set.of("wait_for_connection");

    /**
     * A dynamic include requested by a host: the task, its rendered file or role args, and its params (for a loop:
     * the loop variable, the index variable, {@code ansible_loop}, the item label).
     */
    record Include(Task task, String file, Map<String, Object> roleArgs, Map<String, Object> params) {
        /** What {@code included: ... => (item=LABEL)} shows: the loop_control label, else {@code item}; null for none. */
        Object label() {
            if (Boolean.TRUE.equals(task.keywords().get("no_log"))) return params.isEmpty() ? null : "(censored due to no_log)";
            return params.containsKey("_ansible_item_label") ? params.get("_ansible_item_label") : params.get("item");
        }
    }

    /** What a task did on a host. */
    record Outcome(Status status, Map<String, Object> result, boolean ignored, String delegatedTo, List<Include> includes) {}

    private final Engine e;
    private final PlayVars pv;
    private final Effects effects;

    TaskRunner(Engine e, PlayVars pv) {
        this.e = e;
        this.pv = pv;
        this.effects = new Effects(e);
    }

    VarScope scope(Task task, String host) {
        List<java.nio.file.Path> paths = ModuleCall.searchBases(task, e);
        return pv.scope(host, task, paths);
    }

    /** Does the task's {@code when} hold on this host (for meta actions, which have no result)? */
    boolean conditionHolds(Task task, String host) {
        return task.when().isEmpty() || e.templar().condition(task.when(), scope(task, host).context(task.loc()));
    }

    Outcome run(Task task, String host, TaskInfo info) {
        if (e.plan() == null) return run(task, host, info, scope(task, host));
        VarScope scope = scope(task, host).recording();
        return e.plan().classify(task, host, info, scope, run(task, host, info, scope));
    }

    private Outcome run(Task task, String host, TaskInfo info, VarScope scope) {
        List<Include> includes = new ArrayList<>();
        Map<String, Object> result;
        String delegated;
        if (task.loop() == null) {
            Step s = once(task, host, info, scope, null, includes, null);
            result = s.result;
            delegated = s.delegatedTo;
        } else {
            List<Object> items;
            try {
                items = LoopItems.items(task.loop(), scope, e.templar(), task.loc());
            } catch (SourceException ex) {
                Step s = once(task, host, info, scope, null, includes, ex);
                return finish(task, host, scope, s.result, s.delegatedTo, includes);
            }
            if (items.isEmpty()) {
                result = Results.skipped("No items in the list");
                result.put("skipped_reason", result.remove("skip_reason"));
                result.put("results", List.of());
                delegated = null;
            } else {
                LoopItems.Settings st;
                try {
                    st = LoopItems.settings(task.loop(), scope, e.templar(), task.loc());
                } catch (SourceException ex) {  // a loop_control field that is not valid fails the task, as in Ansible
                    return finish(task, host, scope, Results.failedAt(ex.getMessage() + Results.where(task.loc())), null, includes);
                }
                List<Map<String, Object>> results = new ArrayList<>();
                delegated = null;
                for (int i = 0; i < items.size(); i++) {
                    Map<String, Object> vars = LoopItems.vars(st, items, i);
                    VarScope itemScope = scope.with(vars);
                    if (st.label() != null) vars.put("_ansible_item_label", e.templar().template(st.label(), itemScope.context(task.loc())));
                    Step s = once(task, host, info, itemScope, vars, includes, null);
                    Map<String, Object> r = s.result;
                    r.putAll(vars);
                    r.remove("ansible_loop");
                    if (st.extended()) r.put("ansible_loop", vars.get("ansible_loop"));
                    r.put("_ansible_item_result", true);
                    delegated = s.delegatedTo;
                    results.add(r);
                    if (!task.isInclude()) e.output().on(new Event.ItemResult(host, info, status(r), r, s.delegatedTo));
                    if (st.pause() > 0 && i < items.size() - 1) sleep(st.pause());
                }
                result = LoopItems.aggregate(results);
                // as Ansible's clean_copy of a no_log task: the whole loop result is censored, not only its items
                if (results.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("_ansible_no_log")))) result.put("_ansible_no_log", true);
            }
        }
        return finish(task, host, scope, result, delegated, includes);
    }

    private Outcome finish(Task task, String host, VarScope scope, Map<String, Object> result, String delegated, List<Include> includes) {
        if (task.register() != null) effects.register(task.register(), List.of(host), result);
        boolean ignored = false;
        Status st = status(result);
        if (st == Status.FAILED || st == Status.UNREACHABLE) ignored = ignores(task, scope, st);
        return new Outcome(st, result, ignored, delegated, includes);
    }

    private boolean ignores(Task task, VarScope scope, Status st) {
        String field = st == Status.FAILED ? "ignore_errors" : "ignore_unreachable";
        return Flags.orWritten(field, task.keywords(), false, e.templar(), scope.context(task.loc()), task.loc(), e.omit());
    }

    /**
     * Whether a result is a failure as Ansible's TaskResult judges it: by {@code failed_when_result} when failed_when
     * was evaluated (for the task or any loop item; so until's "retries exceeded" does not fail a task whose
     * failed_when says no), else by {@code failed}.
     */
    private static boolean failed(Map<String, Object> r) {
        String key = "failed_when_result";
        List<?> items = r.get("results") instanceof List<?> l ? l : List.of();
        boolean decides = r.containsKey(key) || items.stream().anyMatch(i -> i instanceof Map<?, ?> m && m.containsKey(key));
        if (!decides) return Results.flag(r, "failed");
        if (items.isEmpty() || r.containsKey(key)) return Templar.truthy(r.get(key));
        return items.stream().anyMatch(i -> i instanceof Map<?, ?> m && Templar.truthy(m.get(key)));
    }

    static Status status(Map<String, Object> r) {
        if (Results.flag(r, "unreachable")) return Status.UNREACHABLE;
        if (failed(r)) return Status.FAILED;
        if (Results.flag(r, "skipped")) return Status.SKIPPED;
        return Results.flag(r, "changed") ? Status.CHANGED : Status.OK;
    }

    /** One execution (the task, or one loop item). */
    private record Step(Map<String, Object> result, String delegatedTo) {}

    private Step once(Task task, String host, TaskInfo info, VarScope scope, Map<String, Object> loopVars, List<Include> includes,
                      SourceException loopError) {
        try {
            if (!task.when().isEmpty() && !e.templar().condition(task.when(), scope.context(task.loc()))) {
                return new Step(Results.skipped("Conditional result was False"), null);
            }
            if (loopError != null) return new Step(Results.failedAt(loopError.getMessage()), null); // Ansible raises it as it is
            for (SourceException p : task.problems()) { // found while loading; Ansible fails the task here
                if (!(p instanceof ReportedByRun)) throw p; // else the module or the template fails in its own words
            }
            try {
                Flags.check(task.keywords(), e.templar(), scope.context(task.loc()), task.loc(), e.omit());
            } catch (SourceException ex) {
                Map<String, Object> r = Results.failedAt(ex.getMessage() + Results.where(task.loc()));
                if (Flags.orWritten("no_log", task.keywords(), false, e.templar(), scope.context(task.loc()), task.loc(), e.omit())) {
                    r.put("_ansible_no_log", true);
                }
                return new Step(r, null);
            }
            Map<String, Object> kw = TaskKeywords.render(task.keywords(), e.templar(), scope.context(task.loc()), e.omit());
            if (task.isInclude()) return new Step(include(task, scope, loopVars, includes), null);
            String delegate = kw.get("delegate_to") == null ? null : Py.str(kw.get("delegate_to"));
            return new Step(execute(task, host, info, scope, kw, delegate), delegate);
        } catch (SourceException ex) {
            return new Step(Results.templateError(ex, task.loc()), null);
        } catch (RuntimeException ex) {
            Map<String, Object> r = Results.failed("Unexpected failure while preparing the task: " + SourceException.describe(ex));
            r.put("exception", SourceException.describe(ex));
            return new Step(r, null);
        }
    }

    private Map<String, Object> include(Task task, VarScope scope, Map<String, Object> loopVars, List<Include> includes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> args = (Map<String, Object>) e.templar().template(task.args(), scope.context(task.loc()));
        Map<String, Object> params = new LinkedHashMap<>();
        if (loopVars != null) params.putAll(loopVars);
        params.remove("ansible_loop_var");
        params.remove("ansible_index_var");
        if (task.action().equals("include_role")) {
            includes.add(new Include(task, null, args, params));
        } else {
            includes.add(new Include(task, Py.str(Task.includeFile(args)), null, params));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        Object file = Task.includeFile(args);
        r.put("include", file != null ? file : args.get("name"));
        r.put("include_args", args);
        return r;
    }

    private Map<String, Object> execute(Task task, String host, TaskInfo info, VarScope hostScope, Map<String, Object> kw, String delegate) {
        String action = Templar.isTemplate(task.action())
                ? Py.str(e.templar().template(task.action(), hostScope.context(task.loc()))) : task.action();
        Module module = e.modules().find(action);
        if (module == null) return Results.failed("The module " + action + " was not found in configured module paths");
        boolean controller = CONTROLLER.contains(module.spec().name());
        String target = delegate == null ? host : delegate;
        var vars = delegate == null ? hostScope : e.vars().hostScope(delegate);
        Targets.Resolved resolved = Targets.resolve(target, vars, kw, e.options());
        VarScope scope = hostScope.beneath("connection vars", ConnectionVars.of(resolved.target(), vars, kw, e.options()));
        ModuleArgs args;
        try {
            args = Arguments.prepare(task, module.spec(), scope, kw, e);
        } catch (ArgumentException ex) {
            return Results.failed(ex.getMessage());
        }
        boolean check = e.plan() != null || Flags.converted("check_mode", kw.get("check_mode"), e.options().mode().check(), task.loc());
        boolean diff = Flags.converted("diff", kw.get("diff"), e.options().mode().diff(), task.loc());
        if (check && !module.spec().checkMode()) {
            Map<String, Object> r = Results.skipped("check mode not supported for this module");
            r.put("msg", "remote module (" + module.spec().name() + ") does not support check mode");
            return r;
        }
        Connection conn = null;
        if (!controller) {
            try {
                conn = e.connections().get(resolved.target());
            } catch (ConnectionException ex) {
                if (!CONNECT_THEMSELVES.contains(task.action())) return Results.unreachable(ex.getMessage());
            }
        }
        Duration timeout = kw.get("timeout") != null ? Duration.ofSeconds(ArgConverter.toInt(kw.get("timeout")))
                : e.options().policy().taskTimeout();
        boolean noLog = Flags.converted("no_log", kw.get("no_log"), false, task.loc());
        NoLogValues secrets = NoLogValues.of(module.spec(), args);
        Trace trace = Trace.of(e, host, task.action(), resolved, args, noLog, secrets);
        if (trace != null && conn != null) conn = trace.watch(conn);
        if (conn != null && !AsyncTask.requested(kw)) conn = LiveOutput.wrap(conn, e, host, task.action());
        ModuleCall call = new ModuleCall(e, host, task, scope, resolved, check, diff, timeout, Arguments.environment(kw), conn).withNoLog(noLog);
        Module run = AsyncTask.wrap(module, kw, e, host, info, task.action(), check, task.loc());
        Map<String, Object> r = secrets.scrubbed(new Attempts(e, task, info).run(run, args, call, scope, host));
        if (trace != null) trace.done(r);
        if (noLog) r.put("_ansible_no_log", true);
        if (diff && r.containsKey("diff")) r.put("_ansible_diff", true);
        if (effects.apply(task, host, delegate, kw, r)) new Attempts(e, task, info).evaluateWhens(r, scope);
        return r;
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
