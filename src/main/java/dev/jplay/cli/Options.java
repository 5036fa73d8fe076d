package dev.jplay.cli;

import dev.jplay.playbook.Validation;
import dev.jplay.source.Loc;

/** Checks of option values picocli cannot judge, with ansible-playbook's verdicts. */
final class Options {
    private Options() {}

    static void check(ConnectionOptions conn) {
        if (conn.forks != null && conn.forks < 1) {
            throw new PlaybookCommand.UsageError("The number of processes (--forks) must be >= 1");
        }
        if (conn.connection != null && !Validation.knownConnection(conn.connection)) {
            throw Validation.unknownConnection(conn.connection, Loc.of("-c " + conn.connection)); // Ansible fails each task: exit 2
        }
        if (conn.becomeMethod != null && conn.become && !Validation.knownBecomeMethod(conn.becomeMethod)) {
            throw Validation.unknownBecomeMethod(conn.becomeMethod, Loc.of("--become-method " + conn.becomeMethod));
        }
    }
}
