package dev.jplay.exec;

import dev.jplay.connection.Secret;

/**
 * The run's privilege escalation defaults, from the command line and ansible.cfg ({@code -b}, {@code --become-user},
 * {@code --become-method}, {@code become_flags}, {@code -K}): host variables and task keywords win. Null means
 * "not set".
 *
 * @param become   true when {@code -b} or {@code become = True}; null otherwise (never false: a play's {@code become} decides)
 * @param password the become password asked or read from a file, or null
 */
public record BecomeDefaults(Boolean become, String method, String user, String flags, Secret password) {
    /** Nothing set: Ansible's defaults apply. */
    public static final BecomeDefaults NONE = new BecomeDefaults(null, null, null, null, null);
}
