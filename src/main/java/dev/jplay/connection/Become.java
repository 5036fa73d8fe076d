package dev.jplay.connection;

/**
 * Privilege escalation for one command: {@code method} is {@code sudo} or {@code su}, {@code user} the target
 * (default root), {@code flags} extra flags for the method, {@code password} the become password or null.
 */
public record Become(String method, String user, String flags, Secret password) {
    public Become {
        method = method == null || method.isEmpty() ? "sudo" : method;
        user = user == null || user.isEmpty() ? "root" : user;
        flags = flags == null ? "" : flags;
    }

    public static Become sudo(String user) {
        return new Become("sudo", user, null, null);
    }
}
