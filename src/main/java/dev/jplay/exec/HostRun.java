package dev.jplay.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One host's progress through a play: failed / unreachable / ended, the handlers it notified (their task ids), and
 * the blocks it is inside (to know whether a failure will be rescued). Touched only by the thread running this host's task.
 */
final class HostRun {
    /** Where a host is inside one enclosing block. */
    enum Phase { BLOCK, RESCUE, ALWAYS }

    private static final class Frame {
        final boolean hasRescue;
        Phase phase = Phase.BLOCK;

        Frame(boolean hasRescue) {
            this.hasRescue = hasRescue;
        }
    }

    final String name;
    volatile boolean failed;
    volatile boolean unreachable;
    volatile boolean ended;
    final Set<String> notified = new LinkedHashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    HostRun(String name) {
        this.name = name;
    }

    /** Still running tasks (not failed, unreachable or ended). */
    boolean active() {
        return !failed && !unreachable && !ended;
    }

    void enterBlock(boolean hasRescue) {
        frames.push(new Frame(hasRescue));
    }

    void phase(Phase p) {
        if (!frames.isEmpty()) frames.peek().phase = p;
    }

    void leaveBlock() {
        frames.pop();
    }

    /** Will a failure now be caught by a rescue section of an enclosing block? */
    boolean rescuable() {
        for (Frame f : frames) if (f.phase == Phase.BLOCK && f.hasRescue) return true;
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
