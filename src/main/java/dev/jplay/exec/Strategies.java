package dev.jplay.exec;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.util.Set;

/**
 * The strategies jplay runs, by name as a play's {@code strategy} (templated) or {@code ANSIBLE_STRATEGY} gives it.
 * {@code linear}: each task on all hosts before the next. {@code free} and {@code host_pinned}: each host walks the
 * tasks on its own, one worker per host until it is done, at most forks hosts at a time (Ansible's host_pinned;
 * its free differs only in which worker runs a host's next task, which nothing observes).
 */
final class Strategies {
    private static final Set<String> LINEAR = Set.of("linear", "ansible.builtin.linear");
    private static final Set<String> PER_HOST = Set.of("free", "ansible.builtin.free", "host_pinned", "ansible.builtin.host_pinned");

    private Strategies() {}

    /** Does {@code name} walk each host on its own? An unknown name is Ansible's error, located at the play. */
    static boolean perHost(String name, Loc loc) {
        if (PER_HOST.contains(name)) return true;
        if (LINEAR.contains(name)) return false;
        throw new SourceException("Invalid play strategy specified: " + name, loc, "jplay runs the strategies linear, free and host_pinned",
                null, SourceException.Kind.ERROR);
    }
}
