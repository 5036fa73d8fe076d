package dev.jplay.connection;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Kills a command that runs past its timeout (its descendants first), and remembers that it did. */
final class Watchdog {
    private final AtomicBoolean fired = new AtomicBoolean();
    private ScheduledFuture<?> future;

    /** A single daemon timer thread, owned by whoever creates it (one per connection factory). */
    static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "jplay-timeout");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Runs {@code kill} (which kills the command on the host) once {@code timeout} passes; null: never. */
    static Watchdog start(ScheduledExecutorService timer, Duration timeout, Runnable kill) {
        Watchdog w = new Watchdog();
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            w.future = timer.schedule(() -> {
                w.fired.set(true);
                kill.run();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return w;
    }

    boolean fired() {
        return fired.get();
    }

    void cancel() {
        if (future != null) future.cancel(false);
    }
}
