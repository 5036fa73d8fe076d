package dev.jplay.exec;

import java.time.Duration;

/**
 * How a run goes on: {@code -f/--forks}, the default {@code strategy} and {@code any_errors_fatal},
 * {@code --force-handlers} and {@code --task-timeout} (each with its ansible.cfg setting). Play and task keywords
 * override them.
 *
 * @param taskTimeout each task's time limit, or null for none
 */
public record RunPolicy(int forks, String strategy, boolean anyErrorsFatal, boolean forceHandlers, Duration taskTimeout) {
    /** ansible-playbook's with no flags and no configuration. */
    public static final RunPolicy DEFAULT = new RunPolicy(5, "linear", false, false, null);

    public RunPolicy {
        strategy = strategy == null ? "linear" : strategy;
    }
}
