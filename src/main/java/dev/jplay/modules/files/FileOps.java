package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleContext;

/** Runs shell commands that change the host's files; a failure is a transfer error with the command's stderr. */
final class FileOps {
    private FileOps() {}

    static ExecResult run(ModuleContext ctx, String commands) throws ConnectionException {
        ExecResult r = ctx.sh(commands);
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, r.err().strip());
        return r;
    }
}
