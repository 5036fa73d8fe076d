package dev.jplay.connection;

import java.io.IOException;

/**
 * The host could not be used: {@link Kind#UNREACHABLE} (connect, auth, host key, connection lost) marks the host
 * unreachable; {@link Kind#BECOME} (wrong or missing become password), {@link Kind#TIMEOUT} (command timeout),
 * {@link Kind#TRANSFER} and {@link Kind#INTERRUPTED} (the controller is stopping: nothing new starts on a host)
 * fail only the task.
 */
public class ConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind { UNREACHABLE, BECOME, TIMEOUT, TRANSFER, INTERRUPTED }

    /** The controller is being interrupted (SIGINT/SIGTERM): no new command, transfer or connection starts. */
    static ConnectionException interrupted() {
        return new ConnectionException(Kind.INTERRUPTED, "interrupted: the controller is stopping, so nothing more starts on the host");
    }

    private final Kind kind;

    public ConnectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ConnectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
