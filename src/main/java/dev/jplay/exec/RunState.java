package dev.jplay.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What carries over from play to play: hosts that failed or became unreachable (they take no part in later plays),
 * whether {@code --start-at-task} has found its task, and whether {@code --step} is still asking.
 */
final class RunState {
    final Set<String> failed = ConcurrentHashMap.newKeySet();
    final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    final AtomicBoolean startFound;
    final AtomicBoolean stepping;
    /** Async jobs that run in controller threads ({@code async} on modules that cannot run detached on a host). */
    final ControllerJobs jobs = new ControllerJobs();
    /** Hosts whose connection {@code -vvvv} has described. */
    final Set<String> described = ConcurrentHashMap.newKeySet();

    /** The run journal's view of this run (skips and records; {@link Progress#OFF} without a journal). */
    final Progress progress;

    RunState(boolean hasStartAt, boolean step, Progress progress) {
        this.progress = progress;
        startFound = new AtomicBoolean(!hasStartAt);
        stepping = new AtomicBoolean(step);
    }
}
