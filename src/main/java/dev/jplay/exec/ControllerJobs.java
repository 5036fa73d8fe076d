package dev.jplay.exec;

import dev.jplay.connection.ConnectionException;
import dev.jplay.data.Json;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.jobs.JobStatus;
import dev.jplay.modules.jobs.Jobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Async jobs of modules that jplay runs on the controller (they decide between several commands, so no single
 * command could run detached on the host): each runs in a thread of its own, bounded by its {@code async} seconds
 * (then interrupted, which kills its command on the host), and keeps the host's result file as async_wrapper would,
 * so {@code async_status} reads them like any job. They need this jplay process: {@link #awaitAll} waits for them
 * before the run ends.
 */
final class ControllerJobs {
    private final List<Job> jobs = new ArrayList<>();
    private ExecutorService pool;
    private ScheduledExecutorService timer;

    /** One controller job. */
    final class Job {
        private final Jobs.Started started;
        private final ModuleContext ctx;
        private final String label;
        private final long deadline;
        private final AtomicBoolean settled = new AtomicBoolean();
        private Future<Map<String, Object>> future;

        private Job(Jobs.Started started, ModuleContext ctx, String label, long limitSeconds) {
            this.started = started;
            this.ctx = ctx;
            this.label = label;
            this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        }

        /** Waits up to {@code seconds} for the job; its status as async_status reports it (a finished job's file removed). */
        Map<String, Object> await(long seconds) throws ConnectionException {
            try {
                Map<String, Object> result = future.get(seconds, TimeUnit.SECONDS);
                Map<String, Object> status = JobStatus.of(started.jid(), started.resultsFile(), Json.write(result));
                ctx.sh("rm -f " + dev.jplay.connection.ShellCommand.quote(started.resultsFile()));
                return status;
            } catch (TimeoutException e) {
                return JobStatus.of(started.jid(), started.resultsFile(), "{\"started\": 1, \"finished\": 0}");
            } catch (CancellationException e) {
                return JobStatus.of(started.jid(), started.resultsFile(), "{\"msg\": \"Timeout exceeded\", \"failed\": true}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted while waiting for async job " + started.jid());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Ends the job now (out of time): interrupts it and leaves async_wrapper's timeout result in its file. */
        void cancel() {
            if (!settled.compareAndSet(false, true)) return;
            future.cancel(true);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("msg", "Timeout exceeded");
            r.put("failed", true);
            write(r);
        }

        private Map<String, Object> run(Module module, ModuleArgs args) {
            Map<String, Object> r;
            try {
                r = new LinkedHashMap<>(module.run(args, ctx).toMap());
            } catch (ConnectionException e) {
                r = Results.failed(e.getMessage());
            } catch (RuntimeException e) {
                r = Results.failed("Unexpected failure during module execution: " + e);
            }
            if (settled.compareAndSet(false, true)) write(r);
            return r;
        }

        private void write(Map<String, Object> result) {
            try {
                Jobs.finish(started, result, ctx);
            } catch (ConnectionException | RuntimeException e) {
                // the host went away: async_status will not find a result, as with a job killed on the host
            }
        }
    }

    /**
     * Starts {@code module} in the background for an async task; its file on the host was made by {@link Jobs#create}.
     * With {@code timed} it is cancelled after {@code limitSeconds}; otherwise whoever polls it cancels it.
     */
    synchronized Job start(Module module, ModuleArgs args, ModuleContext ctx, Jobs.Started started, long limitSeconds, boolean timed) {
        if (pool == null) {
            pool = Executors.newCachedThreadPool(r -> daemon(r, "jplay-async"));
            timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jplay-async-timer"));
        }
        Job job = new Job(started, ctx, module.spec().name() + " on " + ctx.host(), limitSeconds);
        job.future = pool.submit(() -> job.run(module, args));
        if (timed) timer.schedule(job::cancel, limitSeconds, TimeUnit.SECONDS);
        jobs.add(job);
        return job;
    }

    /**
     * Waits for the jobs still running (each at most until its time is up), saying first which they are; then stops
     * the threads. Called once, when the run ends.
     */
    void awaitAll(java.util.function.Consumer<String> say) {
        List<Job> open;
        synchronized (this) {
            open = jobs.stream().filter(j -> !j.future.isDone()).toList();
        }
        if (!open.isEmpty()) {
            say.accept("waiting for " + open.size() + " async job(s) that jplay runs on the controller (they end with this run): "
                    + String.join(", ", open.stream().map(j -> j.label).toList()));
        }
        for (Job j : open) {
            long left = j.deadline - System.nanoTime();
            try {
                if (left > 0) j.future.get(left + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | CancellationException | ExecutionException e) {
                j.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open.forEach(Job::cancel);
                break;
            }
        }
        synchronized (this) {
            if (pool != null) {
                pool.shutdownNow();
                timer.shutdownNow();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
