package dev.jplay.exec;

import dev.jplay.connection.ConnectionDefaults;
import dev.jplay.connection.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run is asked to do, from the command line and the configuration (merged by the CLI, each part by
 * its own {@code cli} mixin), as small records: exec reads {@code options.mode().check()}, never picocli's fields.
 * Connection and become settings here are the lowest-precedence defaults: host variables and play keywords win.
 *
 * @param extraVars {@code -e}, already parsed
 * @param retryDir  where to write {@code .retry} files, or null when disabled
 * @param cwd       the directory relative paths of the run start from
 */
public record RunOptions(Selection selection, Mode mode, ConnectionDefaults connection, BecomeDefaults become, RunPolicy policy,
                         FactOptions facts, Map<String, Object> extraVars, Path retryDir, Path cwd) {
    private static final ConnectionDefaults SSH_DEFAULTS = new ConnectionDefaults(null, null, List.of(), List.of(), null,
            Duration.ofSeconds(10), Target.HostKeyPolicy.STRICT);

    public RunOptions {
        selection = selection == null ? Selection.ALL : selection;
        mode = mode == null ? Mode.NORMAL : mode;
        connection = connection == null ? SSH_DEFAULTS : connection;
        become = become == null ? BecomeDefaults.NONE : become;
        policy = policy == null ? RunPolicy.DEFAULT : policy;
        facts = facts == null ? FactOptions.DEFAULT : facts;
        extraVars = extraVars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        cwd = cwd == null ? Path.of("").toAbsolutePath() : cwd;
    }

    /** Defaults as ansible-playbook has them with no flags and no configuration. */
    public static RunOptions defaults() {
        return new RunOptions(Selection.ALL, Mode.NORMAL, SSH_DEFAULTS, BecomeDefaults.NONE, RunPolicy.DEFAULT, FactOptions.DEFAULT,
                Map.of(), null, null);
    }

    public RunOptions with(Selection s) {
        return new RunOptions(s, mode, connection, become, policy, facts, extraVars, retryDir, cwd);
    }

    public RunOptions with(Mode m) {
        return new RunOptions(selection, m, connection, become, policy, facts, extraVars, retryDir, cwd);
    }

    public RunOptions with(ConnectionDefaults c) {
        return new RunOptions(selection, mode, c, become, policy, facts, extraVars, retryDir, cwd);
    }

    public RunOptions with(BecomeDefaults b) {
        return new RunOptions(selection, mode, connection, b, policy, facts, extraVars, retryDir, cwd);
    }

    public RunOptions with(RunPolicy p) {
        return new RunOptions(selection, mode, connection, become, p, facts, extraVars, retryDir, cwd);
    }

    public RunOptions with(FactOptions f) {
        return new RunOptions(selection, mode, connection, become, policy, f, extraVars, retryDir, cwd);
    }

    public RunOptions withExtraVars(Map<String, Object> vars) {
        return new RunOptions(selection, mode, connection, become, policy, facts, vars, retryDir, cwd);
    }

    /** These options without {@code .retry} files (plans and console commands write none). */
    public RunOptions withoutRetryFiles() {
        return new RunOptions(selection, mode, connection, become, policy, facts, extraVars, null, cwd);
    }
}
