package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;

/**
 * A task's problem found while loading (warned about before any host is contacted) that the module reports itself
 * when it runs, with its whole result (command's "no command given" with rc 256): the task runs the module rather
 * than failing with the bare message.
 */
public final class ModuleReportedProblem extends SourceException {
    private static final long serialVersionUID = 1L;

    ModuleReportedProblem(String message, Loc loc, String hint) {
        super(message, loc, hint, null, Kind.TASK);
    }
}
