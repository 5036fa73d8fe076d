package dev.jplay.exec;

/**
 * An error that ends the whole run at once, as Ansible's run-time {@code ERROR!} does (no recap, exit code 1): for
 * example a notification of a handler that does not exist.
 */
public final class RunAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunAbort(String message) {
        super(message);
    }
}
