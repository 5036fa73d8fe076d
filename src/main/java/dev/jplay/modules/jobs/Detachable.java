package dev.jplay.modules.jobs;

import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;

/**
 * A module whose whole work is one command on the host, so that it can run there detached from jplay (a task with
 * {@code async}): the job keeps running when jplay exits, and Ansible's own {@code async_status} can read its result.
 * Modules that decide between several commands on the controller are not detachable; jplay runs those as
 * controller-side jobs instead.
 */
public interface Detachable {
    /** The job that does what {@code run} would do with these arguments. */
    HostJob detach(ModuleArgs args, ModuleContext ctx);
}
