package dev.jplay.cli;

import dev.jplay.playbook.Validation;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;

/** Checks of option values picocli cannot judge, with ansible-playbook's verdicts. */
final class Options {
    private Options() {}

    static void check(ConnectionOptions conn) {
        if (conn.forks != null && conn.forks < 1) {
            throw new PlaybookCommand.UsageError("The number of processes (--forks) must be >= 1");
        }
        if (conn.connection != null && !Validation.knownConnection(conn.connection)) {
            SourceException e = Validation.unknownConnection(conn.connection, Loc.of("-c " + conn.connection));
            throw new SourceException(e.getMessage(), e.loc(), e.hint(), null, Kind.TASK);
        }
        if (conn.becomeMethod != null && conn.become && !Validation.knownBecomeMethod(conn.becomeMethod)) {
            SourceException e = Validation.unknownBecomeMethod(conn.becomeMethod, Loc.of("--become-method " + conn.becomeMethod));
            throw new SourceException(e.getMessage(), e.loc(), e.hint(), null, Kind.TASK);
        }
    }
}
