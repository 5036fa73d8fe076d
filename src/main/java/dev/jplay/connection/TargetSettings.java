package dev.jplay.connection;

/**
 * What a {@link ConnectionType} reads to resolve a host's {@link Target}, with Ansible's precedence: the host's
 * connection variables, then the task's keywords, then the run's defaults (command line, configuration).
 * Values come as strings (templated already); null means "not set".
 */
public interface TargetSettings {
    /** The first of {@code variables} that the host sets, or null. */
    String variable(String... variables);

    /** The first of {@code variables} that the host sets, else the task's {@code keyword}, else {@code fallback}. */
    String setting(String keyword, String fallback, String... variables);

    /** The first of {@code variables} that the host sets, as an Ansible boolean ({@code yes}, {@code False} ...), or null. */
    Boolean flag(String... variables);

    /** The run's defaults. */
    ConnectionDefaults defaults();
}
