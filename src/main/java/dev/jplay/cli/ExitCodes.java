package dev.jplay.cli;

/** Process exit codes, as ansible-playbook uses them. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** A general error: missing playbook, unreadable file. */
    static final int ERROR = 1;
    /** A host failed; also command-line usage errors (argparse). */
    static final int FAILED = 2;
    /** A host was unreachable; also playbook parse and validation errors. */
    static final int UNREACHABLE_OR_PARSE = 4;
    /** Bad option values. */
    static final int BAD_OPTIONS = 5;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 99;
    /** An unexpected exception (a bug: run with -vvv for the stack trace). */
    static final int UNEXPECTED = 250;
}
