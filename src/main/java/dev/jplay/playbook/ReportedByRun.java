package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;

/**
 * A task's problem found while loading (an error before the run when the task is certain to run, else a warning)
 * that the run reports itself, in Ansible's words, when it reaches the task: the module's whole result (command's
 * "no command given" with rc 256), or the error evaluating a template gives (an unknown filter or test written in
 * it). The run does not fail the task with the bare message first.
 */
public final class ReportedByRun extends SourceException {
    private static final long serialVersionUID = 1L;

    ReportedByRun(String message, Loc loc, String hint) {
        super(message, loc, hint, null, Kind.TASK);
    }
}
