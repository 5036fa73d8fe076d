package dev.jplay.modules.jobs;

import dev.jplay.connection.ShellCommand;
import dev.jplay.data.Json;
import java.util.Map;

/**
 * What runs detached on the host: {@code body}, POSIX sh run by {@code job.sh}'s {@code jplay_job} function, which
 * prints the job's JSON result; its stdin bytes are in {@code "$J/in"} ({@code input}, may be empty). The body may
 * use job.sh's helpers: {@code jplay_module} (a module's JSON from its output), {@code jplay_command} (the command
 * module's result), {@code jplay_now}.
 */
public record HostJob(String body, byte[] input) {
    public HostJob {
        input = input == null ? new byte[0] : input;
    }

    /**
     * A module program: {@code command} reads {@code stdin} and prints the module's JSON, which becomes the job's
     * result with the program's stderr added; {@code shown} is the command as a failure reports it.
     */
    public static HostJob module(String command, byte[] stdin, String shown) {
        String body = "  ( " + command + " ) < \"$J/in\" > \"$J/out\" 2> \"$J/err\"\n"
                + "  jplay_module " + ShellCommand.quote(Json.write(shown));
        return new HostJob(body, stdin);
    }

    /**
     * The command module: each shell test in {@code skips} that holds answers its JSON object without running;
     * otherwise {@code line} runs through {@code shell -c} in {@code chdir} (null: the login directory) and the result
     * is {@code head} (the object's first keys, e.g. changed and cmd, without the closing brace) with rc, stdout,
     * stderr, start, end, delta and msg.
     */
    public static HostJob command(Map<String, String> skips, String line, String shell, String chdir, byte[] stdin,
                                  boolean stripEnds, String head) {
        StringBuilder b = new StringBuilder();
        skips.forEach((test, json) -> b.append("  if ").append(test).append("; then printf '%s' ").append(ShellCommand.quote(json))
                .append("; return; fi\n"));
        b.append("  s=$(jplay_now)\n  ( ");
        if (chdir != null && !chdir.isEmpty()) b.append("cd -P ").append(ShellCommand.quote(chdir)).append(" && ");
        b.append("exec ").append(ShellCommand.quote(shell)).append(" -c ").append(ShellCommand.quote(line))
                .append(" ) < \"$J/in\" > \"$J/out\" 2> \"$J/err\"\n")
                .append("  rc=$?\n  e=$(jplay_now)\n")
                .append("  jplay_command \"$rc\" \"$s\" \"$e\" ").append(stripEnds ? 1 : 0).append(' ').append(ShellCommand.quote(head));
        return new HostJob(b.toString(), stdin);
    }

    /** A job whose result is known before it runs (bad arguments found on the controller). */
    public static HostJob answer(Map<String, Object> result) {
        return new HostJob("  printf '%s' " + ShellCommand.quote(Json.write(result)), null);
    }
}
