package dev.jplay.exec;

import dev.jplay.connection.Secret;
import dev.jplay.connection.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run is asked to do, from the command line and the configuration (already merged by the CLI).
 * Connection settings here are the lowest-precedence defaults: host variables and play keywords win.
 *
 * @param tags          {@code -t}; empty means all
 * @param limit         {@code -l} pattern or null
 * @param become        {@code -b} / config become (null: not set)
 * @param gathering     {@code implicit}, {@code explicit} or {@code smart}
 * @param retryDir      where to write {@code .retry} files, or null when disabled
 */
public record RunOptions(int forks, boolean check, boolean diff, int verbosity, Set<String> tags, Set<String> skipTags,
                         String limit, String startAtTask, boolean step, boolean forceHandlers, Map<String, Object> extraVars,
                         Boolean become, String becomeMethod, String becomeUser, String becomeFlags, Secret becomePassword,
                         String remoteUser, List<String> privateKeys, Secret connectionPassword, Duration connectTimeout,
                         List<String> sshArgs, Target.HostKeyPolicy hostKeys, String connection, String strategy,
                         boolean anyErrorsFatal, String gathering, List<String> gatherSubset, Duration taskTimeout,
                         Path retryDir, Path cwd) {
    public RunOptions {
        tags = tags == null || tags.isEmpty() ? Set.of("all") : Set.copyOf(tags);
        skipTags = skipTags == null ? Set.of() : Set.copyOf(skipTags);
        extraVars = extraVars == null ? Map.of() : Map.copyOf(extraVars);
        privateKeys = privateKeys == null ? List.of() : List.copyOf(privateKeys);
        sshArgs = sshArgs == null ? List.of() : List.copyOf(sshArgs);
        gatherSubset = gatherSubset == null ? List.of("all") : List.copyOf(gatherSubset);
        strategy = strategy == null ? "linear" : strategy;
        gathering = gathering == null ? "implicit" : gathering;
        hostKeys = hostKeys == null ? Target.HostKeyPolicy.STRICT : hostKeys;
    }

    /** Defaults as ansible-playbook has them with no flags and no configuration. */
    public static RunOptions defaults() {
        return new RunOptions(5, false, false, 0, Set.of(), Set.of(), null, null, false, false, Map.of(), null, null, null,
                null, null, null, List.of(), null, Duration.ofSeconds(10), List.of(), Target.HostKeyPolicy.STRICT, null, "linear",
                false, "implicit", List.of("all"), null, null, Path.of("").toAbsolutePath());
    }
}
