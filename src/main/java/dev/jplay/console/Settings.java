package dev.jplay.console;

/** The console's changeable run settings (the {@code forks}, {@code become}, {@code check} ... commands). */
public record Settings(int forks, boolean become, String becomeUser, boolean check, boolean diff, int verbosity, Integer timeout,
                       String remoteUser) {
    Settings withForks(int n) {
        return new Settings(n, become, becomeUser, check, diff, verbosity, timeout, remoteUser);
    }

    Settings withBecome(boolean b) {
        return new Settings(forks, b, becomeUser, check, diff, verbosity, timeout, remoteUser);
    }

    Settings withBecomeUser(String u) {
        return new Settings(forks, become, u, check, diff, verbosity, timeout, remoteUser);
    }

    Settings withCheck(boolean c) {
        return new Settings(forks, become, becomeUser, c, diff, verbosity, timeout, remoteUser);
    }

    Settings withDiff(boolean d) {
        return new Settings(forks, become, becomeUser, check, d, verbosity, timeout, remoteUser);
    }

    Settings withVerbosity(int v) {
        return new Settings(forks, become, becomeUser, check, diff, v, timeout, remoteUser);
    }

    Settings withTimeout(Integer t) {
        return new Settings(forks, become, becomeUser, check, diff, verbosity, t, remoteUser);
    }

    Settings withRemoteUser(String u) {
        return new Settings(forks, become, becomeUser, check, diff, verbosity, timeout, u);
    }
}
