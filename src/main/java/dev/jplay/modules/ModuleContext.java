package dev.jplay.modules;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a module may use on one host for one task: the connection (already carrying the task's become,
 * environment and timeout through {@link #exec}), check and diff flags, controller-side file lookup and
 * templating. Implemented by the executor; tests use a plain implementation over a local connection.
 */
public interface ModuleContext {
    /** Inventory name of the host the task is for. */
    String host();

    /** The connection to the host the module runs on (the delegate when the task is delegated). */
    Connection connection();

    /** The task's become, or null. */
    Become become();

    boolean check();

    boolean diff();

    int verbosity();

    /** The task's {@code no_log} (Python modules get it as {@code _ansible_no_log}). */
    default boolean noLog() {
        return false;
    }

    /** The task's {@code timeout}, or null. */
    Duration timeout();

    /** The task's {@code environment}. */
    Map<String, String> environment();

    /** Runs a command with the task's become, environment and timeout unless {@code req} sets its own. */
    default ExecResult exec(ExecRequest req) throws ConnectionException {
        ExecRequest r = req;
        if (r.become() == null && become() != null) r = r.withBecome(become());
        if (!environment().isEmpty()) {
            Map<String, String> env = new java.util.LinkedHashMap<>(environment());
            env.putAll(r.env());
            r = r.withEnv(env);
        }
        if (r.timeout() == null && timeout() != null) r = r.withTimeout(timeout());
        return connection().exec(r);
    }

    /** Runs one shell command line with the task's settings. */
    default ExecResult sh(String command) throws ConnectionException {
        return exec(ExecRequest.of(command));
    }

    /** Writes a file atomically on the host with the task's become. */
    default void put(byte[] data, String path, FileAttrs attrs) throws ConnectionException {
        connection().put(data, path, attrs, become());
    }

    default void put(Path localFile, String path, FileAttrs attrs) throws ConnectionException {
        connection().put(localFile, path, attrs, become());
    }

    default byte[] get(String path) throws ConnectionException {
        return connection().get(path, become());
    }

    /**
     * Finds a controller file the way Ansible does for {@code src}: an absolute path as is; otherwise in the
     * role's {@code kind} directory ({@code files} or {@code templates}), the role, the including task file's
     * directory and the playbook directory (each with and without {@code kind}). Null when not found.
     */
    Path findFile(String name, String kind);

    /** Decrypts vault text in controller files (include_vars, copy's {@code decrypt}) with the run's vault secrets. */
    default Decrypter vault() {
        return Decrypter.NONE;
    }

    /** Renders a Jinja2 template file from the controller with the task's variables. */
    String renderTemplate(Path template);

    /**
     * Renders a template file with Jinja2 options ({@code trim_blocks}, {@code lstrip_blocks},
     * {@code variable_start_string}, ... as the template module names them).
     */
    default String renderTemplate(Path template, java.util.Map<String, Object> jinjaOptions) {
        if (!jinjaOptions.isEmpty()) throw new UnsupportedOperationException("this context renders templates without Jinja2 options");
        return renderTemplate(template);
    }

    /** Evaluates a Jinja2 expression (no braces) with the task's variables. */
    Object evaluate(String expression);

    /** Templates {@code text} (a string with {@code {{ }}}) with the task's variables. */
    default Object template(String text) {
        throw new UnsupportedOperationException("this context does not template text");
    }

    /** One of Ansible's settings by name ({@code DEFAULT_JINJA2_NATIVE}), empty when unknown or unset. */
    default java.util.Optional<Object> setting(String name) {
        return java.util.Optional.empty();
    }

    /** Evaluates a conditional the way {@code when:} does. */
    boolean condition(Object conditional);

    /** A warning shown as {@code [WARNING]: ...}. */
    void warn(String message);

    /**
     * Asks the person running jplay (pause): shows {@code prompt} after the task's name and returns the line typed
     * (not shown when {@code echo} is false), or null when there is no terminal to ask on.
     */
    default String ask(String prompt, boolean echo) {
        return null;
    }

    /** Where the task was written, for messages. */
    Loc loc();

    /** Drops the host's connection and opens it again, retrying until {@code within} has passed (for reboot). */
    void reconnect(Duration within) throws ConnectionException;
}
