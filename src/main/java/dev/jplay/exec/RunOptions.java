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
                         Path retryDir, Path cwd, FactCache factCache, boolean flushCache) {
    public RunOptions {
        tags = tags == null || tags.isEmpty() ? Set.of("all") : Set.copyOf(tags);
        skipTags = skipTags == null ? Set.of() : Set.copyOf(skipTags);
        extraVars = extraVars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraVars));
        privateKeys = privateKeys == null ? List.of() : List.copyOf(privateKeys);
        sshArgs = sshArgs == null ? List.of() : List.copyOf(sshArgs);
        gatherSubset = gatherSubset == null ? List.of("all") : List.copyOf(gatherSubset);
        strategy = strategy == null ? "linear" : strategy;
        gathering = gathering == null ? "implicit" : gathering;
        hostKeys = hostKeys == null ? Target.HostKeyPolicy.STRICT : hostKeys;
        factCache = factCache == null ? FactCache.MEMORY : factCache;
    }

    /** Defaults as ansible-playbook has them with no flags and no configuration. */
    public static RunOptions defaults() {
        return new RunOptions(5, false, false, 0, Set.of(), Set.of(), null, null, false, false, Map.of(), null, null, null,
                null, null, null, List.of(), null, Duration.ofSeconds(10), List.of(), Target.HostKeyPolicy.STRICT, null, "linear",
                false, "implicit", List.of("all"), null, null, Path.of("").toAbsolutePath(), FactCache.MEMORY, false);
    }

    /** A builder starting from these options (for commands that change a few settings, and tests). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.forks = forks;
        b.check = check;
        b.diff = diff;
        b.verbosity = verbosity;
        b.tags = tags;
        b.skipTags = skipTags;
        b.limit = limit;
        b.startAtTask = startAtTask;
        b.step = step;
        b.forceHandlers = forceHandlers;
        b.extraVars = extraVars;
        b.become = become;
        b.becomeMethod = becomeMethod;
        b.becomeUser = becomeUser;
        b.becomeFlags = becomeFlags;
        b.becomePassword = becomePassword;
        b.remoteUser = remoteUser;
        b.privateKeys = privateKeys;
        b.connectionPassword = connectionPassword;
        b.connectTimeout = connectTimeout;
        b.sshArgs = sshArgs;
        b.hostKeys = hostKeys;
        b.connection = connection;
        b.strategy = strategy;
        b.anyErrorsFatal = anyErrorsFatal;
        b.gathering = gathering;
        b.gatherSubset = gatherSubset;
        b.taskTimeout = taskTimeout;
        b.retryDir = retryDir;
        b.cwd = cwd;
        b.factCache = factCache;
        b.flushCache = flushCache;
        return b;
    }

    /** Mutable construction of {@link RunOptions}; each setter returns the builder. */
    public static final class Builder {
        private int forks;
        private boolean check;
        private boolean diff;
        private int verbosity;
        private Set<String> tags;
        private Set<String> skipTags;
        private String limit;
        private String startAtTask;
        private boolean step;
        private boolean forceHandlers;
        private Map<String, Object> extraVars;
        private Boolean become;
        private String becomeMethod;
        private String becomeUser;
        private String becomeFlags;
        private Secret becomePassword;
        private String remoteUser;
        private List<String> privateKeys;
        private Secret connectionPassword;
        private Duration connectTimeout;
        private List<String> sshArgs;
        private Target.HostKeyPolicy hostKeys;
        private String connection;
        private String strategy;
        private boolean anyErrorsFatal;
        private String gathering;
        private List<String> gatherSubset;
        private Duration taskTimeout;
        private Path retryDir;
        private Path cwd;
        private FactCache factCache;
        private boolean flushCache;

        public Builder forks(int v) {
            forks = v;
            return this;
        }

        public Builder check(boolean v) {
            check = v;
            return this;
        }

        public Builder diff(boolean v) {
            diff = v;
            return this;
        }

        public Builder verbosity(int v) {
            verbosity = v;
            return this;
        }

        public Builder tags(Set<String> v) {
            tags = v;
            return this;
        }

        public Builder skipTags(Set<String> v) {
            skipTags = v;
            return this;
        }

        public Builder limit(String v) {
            limit = v;
            return this;
        }

        public Builder startAtTask(String v) {
            startAtTask = v;
            return this;
        }

        public Builder step(boolean v) {
            step = v;
            return this;
        }

        public Builder forceHandlers(boolean v) {
            forceHandlers = v;
            return this;
        }

        public Builder extraVars(Map<String, Object> v) {
            extraVars = v;
            return this;
        }

        public Builder become(Boolean v) {
            become = v;
            return this;
        }

        public Builder becomeMethod(String v) {
            becomeMethod = v;
            return this;
        }

        public Builder becomeUser(String v) {
            becomeUser = v;
            return this;
        }

        public Builder becomeFlags(String v) {
            becomeFlags = v;
            return this;
        }

        public Builder becomePassword(Secret v) {
            becomePassword = v;
            return this;
        }

        public Builder remoteUser(String v) {
            remoteUser = v;
            return this;
        }

        public Builder privateKeys(List<String> v) {
            privateKeys = v;
            return this;
        }

        public Builder connectionPassword(Secret v) {
            connectionPassword = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder sshArgs(List<String> v) {
            sshArgs = v;
            return this;
        }

        public Builder hostKeys(Target.HostKeyPolicy v) {
            hostKeys = v;
            return this;
        }

        public Builder connection(String v) {
            connection = v;
            return this;
        }

        public Builder strategy(String v) {
            strategy = v;
            return this;
        }

        public Builder anyErrorsFatal(boolean v) {
            anyErrorsFatal = v;
            return this;
        }

        public Builder gathering(String v) {
            gathering = v;
            return this;
        }

        public Builder gatherSubset(List<String> v) {
            gatherSubset = v;
            return this;
        }

        public Builder taskTimeout(Duration v) {
            taskTimeout = v;
            return this;
        }

        public Builder retryDir(Path v) {
            retryDir = v;
            return this;
        }

        public Builder factCache(FactCache v) {
            factCache = v;
            return this;
        }

        public Builder flushCache(boolean v) {
            flushCache = v;
            return this;
        }

        public Builder cwd(Path v) {
            cwd = v;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(forks, check, diff, verbosity, tags, skipTags, limit, startAtTask, step, forceHandlers, extraVars, become, becomeMethod, becomeUser, becomeFlags, becomePassword, remoteUser, privateKeys, connectionPassword, connectTimeout, sshArgs, hostKeys, connection, strategy, anyErrorsFatal, gathering, gatherSubset, taskTimeout, retryDir, cwd, factCache, flushCache);
        }
    }
}
