package dev.jplay.connection;

import java.util.Arrays;

/** A password or passphrase. Never printed: {@link #toString()} is a fixed mask, so it cannot leak into logs. */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String s) {
        return s == null ? null : new Secret(s.toCharArray());
    }

    public static Secret of(char[] s) {
        return s == null ? null : new Secret(s);
    }

    public char[] chars() {
        return value.clone();
    }

    /** The value; call only where it is written to a host's stdin or handed to an authenticator. */
    public String reveal() {
        return new String(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "********";
    }
}
