package dev.jplay.connection;

import java.io.IOException;

/**
 * The host could not be used: {@link Kind#UNREACHABLE} (connect, auth, host key, connection lost) marks the host
 * unreachable; {@link Kind#BECOME} (wrong or missing become password), {@link Kind#TIMEOUT} (command timeout)
 * and {@link Kind#TRANSFER} fail only the task.
 */
public class ConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind { UNREACHABLE, BECOME, TIMEOUT, TRANSFER }

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
