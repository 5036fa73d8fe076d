package dev.jplay.connection;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Builds the command line a host's login shell runs for an {@link ExecRequest}: environment, working directory,
 * {@code /bin/sh -c}, and the become wrapper. Shared by every connection so local and SSH run the same text.
 */
public final class ShellCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShellCommand() {}

    /** POSIX single-quoting: {@code it's} becomes {@code 'it'"'"'s'}; plain words stay unquoted. */
    public static String quote(String s) {
        return dev.jplay.data.Py.shellQuote(s);
    }

    /**
     * The command line for {@code req}. When {@code req.become()} is set the line first prints {@code plan.marker()}
     * to stderr as the target user, so a driver can tell the password prompt from the command's own output.
     */
    public static String build(ExecRequest req, BecomePlan plan) {
        StringBuilder inner = new StringBuilder();
        if (req.chdir() != null && !req.chdir().isEmpty()) inner.append("cd ").append(quote(req.chdir())).append(" && ");
        inner.append(req.command());
        String line = envPrefix(req.env()) + shell(req) + " -c " + quote(inner.toString());
        if (plan == null) return line;
        String marked = "echo " + plan.marker() + " >&2; " + line;
        Become b = req.become();
        if (b.method().equals("su")) {
            return "su " + b.flags() + (b.flags().isEmpty() ? "" : " ") + "-s /bin/sh " + quote(b.user()) + " -c " + quote(marked);
        }
        return sudo(b, plan) + " /bin/sh -c " + quote(marked);
    }

    /** {@code sudo} with the flags that read the password from stdin after {@code plan}'s unique prompt. */
    static String sudo(Become b, BecomePlan plan) {
        return "sudo -H -S " + (b.password() == null ? "-n " : "-p " + quote(plan.prompt()) + " ")
                + (b.flags().isEmpty() ? "" : b.flags() + " ") + "-u " + quote(b.user());
    }

    /**
     * The script a persistent shell hands to {@code shell -c} for {@code req} (become is the shell's own):
     * the environment exported, the working directory entered, then the command.
     */
    static String script(ExecRequest req) {
        StringBuilder sb = new StringBuilder();
        if (!req.env().isEmpty()) sb.append("export ").append(envPrefix(req.env())).append("; ");
        if (req.chdir() != null && !req.chdir().isEmpty()) sb.append("cd ").append(quote(req.chdir())).append(" && ");
        return sb.append(req.command()).toString();
    }

    /** The shell that runs a request's command: its {@code executable}, else /bin/sh. */
    static String shell(ExecRequest req) {
        return req.executable() == null || req.executable().isEmpty() ? "/bin/sh" : req.executable();
    }

    static String envPrefix(Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        for (var e : env.entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad environment variable name: " + e.getKey());
            sb.append(e.getKey()).append('=').append(quote(e.getValue())).append(' ');
        }
        return sb.toString();
    }

    /** A fresh random token, for become prompts and markers. */
    public static String token() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The unique prompt and success marker of one become command. */
    public record BecomePlan(String prompt, String marker) {
        public static BecomePlan fresh() {
            String t = token();
            return new BecomePlan("[jplay-become-" + t + "] password:", "JPLAY-BECOME-OK-" + t);
        }
    }
}
