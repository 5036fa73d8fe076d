package dev.jplay.console;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The setting commands ({@code forks}, {@code become}, {@code check}, {@code timeout} ...): with an argument they
 * change the setting and confirm it, without one they show its current value. Messages follow ansible-console's.
 */
final class SettingsCommands {
    static final List<String> NAMES = List.of("forks", "serial", "become", "become_user", "become_method", "remote_user", "check",
            "diff", "verbosity", "timeout", "grouped");
    static final List<String> BECOME_METHODS = List.of("sudo", "su");
    private static final Set<String> TRUE = Set.of("yes", "y", "true", "t", "on", "1");
    private static final Set<String> FALSE = Set.of("no", "n", "false", "f", "off", "0");

    /** The settings after a command, and whether the command was wrong (it counts as a failure in piped input). */
    record Result(Settings settings, boolean error) {}

    private final PrintStream out;

    SettingsCommands(PrintStream out) {
        this.out = out;
    }

    Result apply(String name, String arg, Settings s) {
        return switch (name) {
            case "forks", "serial" -> forks(arg, s);
            case "verbosity" -> number(arg, "verbosity", s.verbosity(), 0, n -> s.withVerbosity(n), "verbosity level set to %d");
            case "timeout" -> timeout(arg, s);
            case "become" -> bool(arg, s, "become", s.become(), "become", s::withBecome);
            case "check" -> bool(arg, s, "check", s.check(), "check mode", s::withCheck);
            case "diff" -> bool(arg, s, "diff", s.diff(), "diff mode", s::withDiff);
            case "grouped" -> bool(arg, s, "grouped", s.grouped(), "grouped output", s::withGrouped);
            case "become_user" -> text(arg, s, "Please specify a user, e.g. `become_user jenkins`", "Current user is " + s.becomeUser(),
                    "become_user", s::withBecomeUser);
            case "remote_user" -> text(arg, s, "Please specify a remote user, e.g. `remote_user root`",
                    "Current remote user is " + (s.remoteUser() == null ? "not set (the inventory's or " + System.getProperty("user.name") + ")"
                            : s.remoteUser()), "remote_user", s::withRemoteUser);
            case "become_method" -> becomeMethod(arg, s);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Result forks(String arg, Settings s) {
        if (arg.isEmpty()) {
            out.println("forks is " + s.forks() + "\nUsage: forks <number>");
            return new Result(s, false);
        }
        return number(arg, "forks", s.forks(), 1, s::withForks, "forks changed to %d");
    }

    private Result timeout(String arg, Settings s) {
        if (arg.isEmpty()) {
            out.println("timeout is " + (s.timeout() == null ? "0 (no limit)" : s.timeout() + " seconds") + "\nUsage: timeout <seconds>");
            return new Result(s, false);
        }
        try {
            int t = Integer.parseInt(arg);
            if (t < 0) {
                out.println("The timeout must be greater than or equal to 1, use 0 to disable");
                return new Result(s, true);
            }
            out.println(t == 0 ? "timeout disabled" : "timeout changed to " + t + " seconds");
            return new Result(s.withTimeout(t == 0 ? null : t), false);
        } catch (NumberFormatException e) {
            out.println("The timeout must be a valid positive integer, or 0 to disable: " + arg);
            return new Result(s, true);
        }
    }

    private Result number(String arg, String what, int current, int min, java.util.function.IntFunction<Settings> set, String confirm) {
        if (arg.isEmpty()) {
            out.println(what + " is " + current + "\nUsage: " + what + " <number>");
            return new Result(set.apply(current), false);
        }
        try {
            int n = Integer.parseInt(arg);
            if (n < min) {
                out.println(what + " must be greater than or equal to " + min);
                return new Result(set.apply(current), true);
            }
            out.println(String.format(confirm, n));
            return new Result(set.apply(n), false);
        } catch (NumberFormatException e) {
            out.println("Invalid argument for \"" + what + "\": " + arg + "\nUsage: " + what + " <number>");
            return new Result(set.apply(current), true);
        }
    }

    private Result bool(String arg, Settings s, String command, boolean current, String what, java.util.function.Function<Boolean, Settings> set) {
        String a = arg.toLowerCase(Locale.ROOT);
        if (TRUE.contains(a) || FALSE.contains(a)) {
            boolean v = TRUE.contains(a);
            out.println(what + " changed to " + (v ? "True" : "False"));
            return new Result(set.apply(v), false);
        }
        if (!arg.isEmpty()) out.println("Invalid value for " + command + ": " + arg);
        out.println(what + " is currently " + (current ? "True" : "False") + "\nUsage: " + command + " yes|no");
        return new Result(s, !arg.isEmpty());
    }

    private Result text(String arg, Settings s, String usage, String current, String what, java.util.function.Function<String, Settings> set) {
        if (arg.isEmpty()) {
            out.println(usage + "\n" + current);
            return new Result(s, false);
        }
        out.println(what + " changed to " + arg);
        return new Result(set.apply(arg), false);
    }

    private Result becomeMethod(String arg, Settings s) {
        if (!arg.isEmpty() && !BECOME_METHODS.contains(arg)) {
            out.println("become_method " + arg + " is not supported; jplay knows " + String.join(" and ", BECOME_METHODS));
            return new Result(s, true);
        }
        return text(arg, s, "Please specify a become_method, e.g. `become_method su`", "Current become_method is " + s.becomeMethod(),
                "become_method", s::withBecomeMethod);
    }
}
