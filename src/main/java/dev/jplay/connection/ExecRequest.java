package dev.jplay.connection;

import java.time.Duration;
import java.util.Map;

/**
 * One command to run on a host. {@code command} is a POSIX shell command line run by {@code /bin/sh -c}
 * (or {@code executable -c} when set). {@code stdin} may be null. {@code env} is exported before the command,
 * {@code chdir} is entered first, {@code become} (nullable) escalates, {@code timeout} (nullable) kills it;
 * {@code listener} (nullable) sees the output as it comes; {@code dialog} (nullable) answers the command's output on
 * its stdin while it runs, in place of {@code stdin}.
 */
public record ExecRequest(String command, byte[] stdin, Map<String, String> env, String chdir, Become become,
                          Duration timeout, String executable, OutputListener listener, Dialog dialog) {
    public ExecRequest {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public ExecRequest(String command, byte[] stdin, Map<String, String> env, String chdir, Become become, Duration timeout,
                       String executable) {
        this(command, stdin, env, chdir, become, timeout, executable, null, null);
    }

    public static ExecRequest of(String command) {
        return new ExecRequest(command, null, Map.of(), null, null, null, null);
    }

    public ExecRequest withBecome(Become b) {
        return new ExecRequest(command, stdin, env, chdir, b, timeout, executable, listener, dialog);
    }

    public ExecRequest withStdin(byte[] in) {
        return new ExecRequest(command, in, env, chdir, become, timeout, executable, listener, dialog);
    }

    public ExecRequest withEnv(Map<String, String> e) {
        return new ExecRequest(command, stdin, e, chdir, become, timeout, executable, listener, dialog);
    }

    public ExecRequest withChdir(String dir) {
        return new ExecRequest(command, stdin, env, dir, become, timeout, executable, listener, dialog);
    }

    public ExecRequest withTimeout(Duration t) {
        return new ExecRequest(command, stdin, env, chdir, become, t, executable, listener, dialog);
    }

    public ExecRequest withExecutable(String sh) {
        return new ExecRequest(command, stdin, env, chdir, become, timeout, sh, listener, dialog);
    }

    public ExecRequest withListener(OutputListener l) {
        return new ExecRequest(command, stdin, env, chdir, become, timeout, executable, l, dialog);
    }

    public ExecRequest withDialog(Dialog d) {
        return new ExecRequest(command, stdin, env, chdir, become, timeout, executable, listener, d);
    }
}
