package dev.jplay.connection;

import java.nio.charset.StandardCharsets;

/** What a command left: exit status ({@code -1} when killed by a signal or timeout), stdout and stderr bytes. */
public record ExecResult(int rc, byte[] stdout, byte[] stderr) {
    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return rc == 0;
    }
}
