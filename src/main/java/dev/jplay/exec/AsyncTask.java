package dev.jplay.exec;

import dev.jplay.connection.ConnectionException;
import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.jobs.Detachable;
import dev.jplay.modules.jobs.JobStatus;
import dev.jplay.modules.jobs.Jobs;
import dev.jplay.output.Event;
import dev.jplay.output.TaskInfo;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code async} and {@code poll} task keywords, as Ansible's async_wrapper and task executor run them: the module
 * starts as a job bounded by {@code async} seconds; with {@code poll: 0} the task returns at once ({@code ansible_job_id},
 * {@code results_file}, {@code started}, {@code finished}, changed) and the job goes on; with {@code poll: N} the job is
 * checked every N seconds (an {@code ASYNC POLL} line each time it is still running) until it finishes (its result is
 * the task's, its file removed) or its time is up (Ansible's failure, and the job is killed). A module that is
 * {@link Detachable} runs detached on the host; any other runs in a controller thread ({@link ControllerJobs}).
 * Wraps the task's module, so {@code until} retries start a new job each time, as in Ansible.
 */
final class AsyncTask implements Module {
    /** Ansible actions whose action plugin refuses async ("async is not supported for this task."). */
    static final Set<String> UNSUPPORTED = Set.of("add_host", "assemble", "assert", "async_status", "copy", "debug", "fail", "fetch",
            "gather_facts", "group_by", "include_vars", "pause", "raw", "script", "set_fact", "set_stats", "template", "unarchive",
            "validate_argument_spec", "wait_for_connection");
    private static final long DEFAULT_POLL = 15;

    private final Module inner;
    private final Engine e;
    private final String host;
    private final TaskInfo info;
    private final String action;
    private final long limit;
    private final long poll;
    private final boolean check;

    private AsyncTask(Module inner, Engine e, String host, TaskInfo info, String action, long limit, long poll, boolean check) {
        this.inner = inner;
        this.e = e;
        this.host = host;
        this.info = info;
        this.action = action;
        this.limit = limit;
        this.poll = poll;
        this.check = check;
    }

    /** Does the task ask for async (its output is then the job's, not shown live)? */
    static boolean requested(Map<String, Object> kw) {
        Object a = kw.get("async");
        return a != null && !"0".equals(Py.str(a).strip());
    }

    /** The module as the task's (templated) keywords {@code kw} run it: itself, or an async job when {@code async} > 0. */
    static Module wrap(Module module, Map<String, Object> kw, Engine e, String host, TaskInfo info, String action, boolean check, Loc loc) {
        if (kw.get("async") == null) return module;
        long limit = integer(kw.get("async"), "async_val", loc);
        if (limit <= 0) return module;
        long poll = kw.get("poll") == null ? DEFAULT_POLL : integer(kw.get("poll"), "poll", loc);
        return new AsyncTask(module, e, host, info, action, limit, poll, check);
    }

    @Override
    public ModuleSpec spec() {
        return inner.spec();
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        if (UNSUPPORTED.contains(action)) return refused("async is not supported for this task.");
        if (check) return refused("check mode and async cannot be used on same task.");
        long rounds = poll > 0 ? (limit + poll - 1) / poll : 0;
        Jobs.Started job;
        ControllerJobs.Job local = null;
        try {
            if (inner instanceof Detachable d) {
                job = Jobs.start(d.detach(args, ctx), poll > 0 ? rounds * poll + 5 : limit, ctx);
            } else {
                job = Jobs.create(ctx);
                local = e.state().jobs.start(inner, args, ctx, job, limit, poll <= 0);
            }
        } catch (Jobs.StartFailed ex) {
            return ModuleResult.failed(ex.getMessage());
        }
        if (poll <= 0) return ModuleResult.of(job.result());
        return ModuleResult.of(await(job, local, rounds, ctx));
    }

    /** Ansible's _poll_async_result: up to {@code rounds} polls, {@code poll} seconds apart. */
    private Map<String, Object> await(Jobs.Started job, ControllerJobs.Job local, long rounds, ModuleContext ctx) throws ConnectionException {
        Map<String, Object> status = null;
        for (long i = 0; i < rounds; i++) {
            status = local == null ? Jobs.await(job, poll, ctx) : local.await(poll);
            if (JobStatus.finished(status) || Boolean.TRUE.equals(status.get("failed")) || status.containsKey("skipped")) break;
            e.output().on(new Event.Async(host, info, Event.AsyncStep.POLL, status));
        }
        Map<String, Object> result = status;
        if (!JobStatus.finished(status)) {
            if (local == null) Jobs.kill(job, ctx);
            else local.cancel();
            result = new LinkedHashMap<>();
            result.put("failed", true);
            result.put("msg", "async task did not complete within the requested time - " + limit + "s");
            result.put("async_result", status);
        }
        boolean failed = Boolean.TRUE.equals(result.get("failed"));
        e.output().on(new Event.Async(host, info, failed ? Event.AsyncStep.FAILED : Event.AsyncStep.OK, withJid(result, job)));
        return result;
    }

    private static Map<String, Object> withJid(Map<String, Object> result, Jobs.Started job) {
        if (result.containsKey("ansible_job_id")) return result;
        Map<String, Object> m = new LinkedHashMap<>(result);
        m.put("ansible_job_id", job.jid());
        return m;
    }

    /** An action plugin's refusal (AnsibleActionFail: the callback shows its empty traceback). */
    private static ModuleResult refused(String msg) {
        return ModuleResult.failed(msg).put("exception", "NoneType: None\n");
    }

    private static long integer(Object v, String field, Loc loc) {
        try {
            return ArgConverter.toInt(v);
        } catch (IllegalArgumentException ex) {
            throw new SourceException("the field '" + field + "' has an invalid value (" + Py.str(v) + "), and could not be converted to "
                    + "an int.The error was: invalid literal for int() with base 10: " + Py.repr(Py.str(v)), loc);
        }
    }
}
