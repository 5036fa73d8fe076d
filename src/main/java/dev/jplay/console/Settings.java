package dev.jplay.console;

/**
 * The console's changeable run settings (the {@code forks}, {@code become}, {@code check} ... commands).
 * {@code timeout} is the task timeout in seconds, null for none; {@code grouped} shows hosts with identical
 * results once.
 */
public record Settings(int forks, boolean become, String becomeUser, String becomeMethod, boolean check, boolean diff,
                       int verbosity, Integer timeout, String remoteUser, boolean grouped) {
    Settings withForks(int n) {
        return new Settings(n, become, becomeUser, becomeMethod, check, diff, verbosity, timeout, remoteUser, grouped);
    }

    Settings withBecome(boolean b) {
        return new Settings(forks, b, becomeUser, becomeMethod, check, diff, verbosity, timeout, remoteUser, grouped);
    }

    Settings withBecomeUser(String u) {
        return new Settings(forks, become, u, becomeMethod, check, diff, verbosity, timeout, remoteUser, grouped);
    }

    Settings withBecomeMethod(String m) {
        return new Settings(forks, become, becomeUser, m, check, diff, verbosity, timeout, remoteUser, grouped);
    }

    Settings withCheck(boolean c) {
        return new Settings(forks, become, becomeUser, becomeMethod, c, diff, verbosity, timeout, remoteUser, grouped);
    }

    Settings withDiff(boolean d) {
        return new Settings(forks, become, becomeUser, becomeMethod, check, d, verbosity, timeout, remoteUser, grouped);
    }

    Settings withVerbosity(int v) {
        return new Settings(forks, become, becomeUser, becomeMethod, check, diff, v, timeout, remoteUser, grouped);
    }

    Settings withTimeout(Integer t) {
        return new Settings(forks, become, becomeUser, becomeMethod, check, diff, verbosity, t, remoteUser, grouped);
    }

    Settings withRemoteUser(String u) {
        return new Settings(forks, become, becomeUser, becomeMethod, check, diff, verbosity, timeout, u, grouped);
    }

    Settings withGrouped(boolean g) {
        return new Settings(forks, become, becomeUser, becomeMethod, check, diff, verbosity, timeout, remoteUser, g);
    }

    /** True when commands run as root through become (the prompt then ends in {@code #}, as ansible-console's). */
    boolean rootBecome() {
        return become && (becomeUser == null || becomeUser.equals("root"));
    }
}
