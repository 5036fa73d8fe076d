package dev.jplay.exec;

import dev.jplay.playbook.Block;
import dev.jplay.playbook.TaskNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One host's progress through a play: failed / unreachable / ended, the handlers it notified (their task ids), and
 * the blocks it is inside (to know whether a failure will be rescued). Touched only by the thread running this host's task.
 */
final class HostRun {
    /** Where a host is inside one enclosing block. */
    enum Phase { BLOCK, RESCUE, ALWAYS }

    private static final class Frame {
        final Block block;
        Phase phase = Phase.BLOCK;
        /** The position of the host's current node in the section it is in. */
        int index;

        Frame(Block block) {
            this.block = block;
        }

        List<TaskNode> section() {
            return switch (phase) {
                case BLOCK -> block.block();
                case RESCUE -> block.rescue();
                case ALWAYS -> block.always();
            };
        }
    }

    final String name;
    volatile boolean failed;
    volatile boolean unreachable;
    volatile boolean ended;
    /** Stopped by any_errors_fatal: failed, and runs nothing more in this play (no rescue, no always). */
    volatile boolean fatal;
    /** How many times {@code meta: clear_host_errors} cleared this host (an always section does not restore a cleared failure). */
    volatile int clears;
    final Set<String> notified = new LinkedHashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    HostRun(String name) {
        this.name = name;
    }

    /** Still running tasks (not failed, unreachable or ended). */
    boolean active() {
        return !failed && !unreachable && !ended;
    }

    void enterBlock(Block b) {
        frames.push(new Frame(b));
    }

    /** The host is at node {@code index} of the section of its innermost block. */
    void at(int index) {
        if (!frames.isEmpty()) frames.peek().index = index;
    }

    void phase(Phase p) {
        if (!frames.isEmpty()) frames.peek().phase = p;
    }

    void leaveBlock() {
        frames.pop();
    }

    /** Will a failure now be caught by a rescue section of an enclosing block? */
    boolean rescuable() {
        for (Frame f : frames) if (f.phase == Phase.BLOCK && !f.block.rescue().isEmpty()) return true;
        return false;
    }

    /**
     * Is this host's next task in a rescue or always section? any_errors_fatal spares such hosts, as Ansible's linear
     * strategy does when it peeks at each host's next task. A failed host goes to the rescue or always section of the
     * nearest block that has one; any other host to the next node of its section, or when the section is done, to
     * the block's always section or on to the enclosing block. A nested block there starts with its own tasks.
     */
    boolean headedForRescueOrAlways() {
        for (Frame f : frames) {
            List<TaskNode> always = f.block.always();
            if (failed) {
                if (f.phase == Phase.BLOCK && !f.block.rescue().isEmpty()) return startsWithTask(f.block.rescue());
                if (f.phase != Phase.ALWAYS && !always.isEmpty()) return startsWithTask(always);
                continue;
            }
            List<TaskNode> section = f.section();
            if (f.index + 1 < section.size()) return f.phase != Phase.BLOCK && !(section.get(f.index + 1) instanceof Block);
            if (f.phase != Phase.ALWAYS && !always.isEmpty()) return startsWithTask(always);
        }
        return false;
    }

    private static boolean startsWithTask(List<TaskNode> section) {
        return !(section.get(0) instanceof Block);
    }

    @Override
    public String toString() {
        return name;
    }
}
