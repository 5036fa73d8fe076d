package dev.jplay.cli;

import dev.jplay.source.SourceException;

/** Process exit codes, as ansible-playbook uses them. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** A general error (Ansible's AnsibleError): missing playbook or vars file, vault errors, no hosts to target. */
    static final int ERROR = 1;
    /** A host failed; also command-line usage errors (argparse). */
    static final int FAILED = 2;
    /** A host was unreachable; also playbook parse and validation errors (AnsibleParserError). */
    static final int UNREACHABLE_OR_PARSE = 4;
    /** Bad option values (AnsibleOptionsError). */
    static final int BAD_OPTIONS = 5;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 99;
    /** An unexpected exception (a bug: the details are in the crash log named on stderr). */
    static final int UNEXPECTED = 250;

    /** The code ansible-playbook exits with for the same mistake. */
    static int of(SourceException e) {
        return switch (e.kind()) {
            case PARSE -> UNREACHABLE_OR_PARSE;
            case ERROR -> ERROR;
            case TASK -> FAILED;
            case OPTIONS -> BAD_OPTIONS;
        };
    }
}
