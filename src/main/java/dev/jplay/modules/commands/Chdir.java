package dev.jplay.modules.commands;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code command} module's {@code chdir}: Ansible's module enters the directory before anything else (creates,
 * removes and check mode come after, relative paths in them are relative to it) and, when it cannot, fails with
 * {@code "Unable to change directory before execution: [Errno 2] No such file or directory: b'/dir'"} and no rc.
 * Python's {@code os.chdir} resolves symlinks, so the command's {@code $PWD} is the physical directory ({@code cd -P}).
 */
final class Chdir {
    private static final Map<Integer, String> REASONS = Map.of(2, "No such file or directory", 20, "Not a directory",
            13, "Permission denied");

    private Chdir() {}

    /**
     * Shell tests that hold when {@code dir} cannot be entered, by errno (2 missing, 20 not a directory, 13 not
     * searchable), in the order to try them.
     */
    static Map<Integer, String> failTests(String dir) {
        String q = ShellCommand.quote(dir);
        Map<Integer, String> tests = new LinkedHashMap<>();
        tests.put(2, "[ ! -e " + q + " ]");
        tests.put(20, "[ ! -d " + q + " ]");
        tests.put(13, "! ( cd " + q + " ) 2>/dev/null");
        return tests;
    }

    /**
     * The shell that enters {@code dir}, or prints {@code marker} and the errno on one line and exits 0 when it
     * cannot (see {@link #failed}).
     */
    static String enter(String dir, String marker) {
        StringBuilder sb = new StringBuilder();
        failTests(dir).forEach((errno, test) -> sb.append("if ").append(test).append("; then echo ")
                .append(ShellCommand.quote(marker)).append(errno).append("; exit 0; fi; "));
        return sb.append("cd -P ").append(ShellCommand.quote(dir)).append(" || exit 1; ").toString();
    }

    /** Ansible's result when {@code dir} could not be entered ({@code r} holds {@code cmd}). */
    static ModuleResult failed(ModuleResult r, int errno, String dir) {
        return r.put("rc", null).put("stdout", "").put("stderr", "").put("start", null).put("end", null).put("delta", null)
                .put("stdout_lines", List.of()).put("stderr_lines", List.of())
                .fail("Unable to change directory before execution: [Errno " + errno + "] " + REASONS.get(errno) + ": "
                        + CommandWords.bytesRepr(dir));
    }
}
