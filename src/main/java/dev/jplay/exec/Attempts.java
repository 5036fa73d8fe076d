package dev.jplay.exec;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.output.Event;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.Task;
import dev.jplay.source.SourceException;
import dev.jplay.vars.VarScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the module, retrying while {@code until} is false, and applies Ansible's result rules: {@code failed} from a
 * non-zero {@code rc}, {@code changed} defaulting to false, {@code changed_when}/{@code failed_when} with the
 * registered name bound to the result, {@code attempts}, and the final failure when retries run out.
 */
final class Attempts {
    private final Engine e;
    private final Task task;
    private final TaskInfo info;

    Attempts(Engine e, Task task, TaskInfo info) {
        this.e = e;
        this.task = task;
        this.info = info;
    }

    Map<String, Object> run(Module module, ModuleArgs args, ModuleCall call, VarScope scope, String host) {
        boolean until = !task.until().isEmpty();
        int total = 1;
        long delay = 5;
        if (until) {
            long retries = task.retries() == null ? 3 : ArgConverter.toKeywordInt(e.templar().template(task.retries(), scope.context()));
            total = retries <= 0 ? 1 : (int) retries + 1;
            if (task.delay() != null) delay = Math.max(ArgConverter.toKeywordInt(e.templar().template(task.delay(), scope.context())), 0);
        }
        Map<String, Object> r = null;
        for (int attempt = 1; attempt <= total; attempt++) {
            r = invoke(module, args, call);
            if (!r.containsKey("failed")) {
                Object rc = r.get("rc");
                r.put("failed", rc != null && !"0".equals(String.valueOf(rc)));
            }
            if (until) r.put("attempts", (long) attempt);
            r.putIfAbsent("changed", false);
            if (Results.flag(r, "unreachable")) return r;
            VarScope vs = task.register() == null ? scope : scope.with(Map.of(task.register(), r));
            if (!r.containsKey("skipped")) evaluateWhens(r, scope);
            if (total == 1) return r;
            if (e.templar().condition(task.until(), vs.context(task.loc()))) return r;
            if (attempt < total) {
                r.put("_ansible_retry", true);
                r.put("retries", (long) total);
                e.output().on(new Event.Retrying(host, info, total - attempt, r));
                sleep(delay);
            }
        }
        r.put("attempts", (long) (total - 1));
        r.put("failed", true);
        return r;
    }

    /** {@code changed_when} then {@code failed_when} on {@code r} (registered under the task's {@code register}). */
    void evaluateWhens(Map<String, Object> r, VarScope scope) {
        VarScope vs = task.register() == null ? scope : scope.with(Map.of(task.register(), r));
        String cond = "changed";
        try {
            if (!task.changedWhen().isEmpty()) r.put("changed", e.templar().condition(task.changedWhen(), vs.context(task.loc())));
            cond = "failed";
            if (!task.failedWhen().isEmpty()) {
                boolean f = e.templar().condition(task.failedWhen(), vs.context(task.loc()));
                r.put("failed_when_result", f);
                r.put("failed", f);
            }
        } catch (SourceException ex) {
            r.put("failed", true);
            r.put(cond + "_when_result", ex.getMessage());
        }
    }

    private Map<String, Object> invoke(Module module, ModuleArgs args, ModuleCall call) {
        try {
            return new LinkedHashMap<>(module.run(args, call).toMap());
        } catch (ConnectionException ex) {
            return connectionFailure(ex, call);
        } catch (SourceException ex) {
            return Results.templateError(ex, task.loc());
        } catch (java.io.UncheckedIOException ex) {
            // a module that could not declare the connection's failure (a lambda, a stream) wrapped it
            if (ex.getCause() instanceof ConnectionException ce) return connectionFailure(ce, call);
            return unexpected(ex);
        } catch (RuntimeException ex) {
            return unexpected(ex);
        }
    }

    private Map<String, Object> connectionFailure(ConnectionException ex, ModuleCall call) {
        return switch (ex.kind()) {
            case UNREACHABLE -> Results.unreachable(ex.getMessage());
            case TIMEOUT -> Results.failed("The " + task.action() + " action failed to execute in the expected time frame ("
                    + (call.timeout() == null ? 0 : call.timeout().toSeconds()) + ") and was terminated");
            default -> Results.failed(ex.getMessage());
        };
    }

    private static Map<String, Object> unexpected(RuntimeException ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        Map<String, Object> r = Results.failed("Unexpected failure during module execution: " + SourceException.describe(ex));
        r.put("exception", System.getenv("JPLAY_DEBUG") != null ? sw.toString() : SourceException.describe(ex)); // a bug: details on request
        r.put("stdout", "");
        return r;
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
