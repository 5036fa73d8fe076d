package dev.jplay.connection;

import java.nio.file.Path;

/**
 * A way to run commands on and move files to one host. Opened once per host and shared by all tasks of a run;
 * implementations are thread-safe (several tasks may run commands at once, e.g. {@code free} strategy, delegation).
 */
public interface Connection extends AutoCloseable {
    /** The inventory name of the host this connection reaches. */
    String host();

    /** True for the controller itself ({@code ansible_connection=local}). */
    boolean isLocal();

    /** False once the connection is known to be dead (the next task reconnects). */
    default boolean alive() {
        return true;
    }

    /**
     * Runs a command and waits for it; stdout and stderr are drained concurrently. When its timeout passes, or the
     * calling thread is interrupted (e.g. {@code Future.cancel(true)} from a console), the command's process group
     * on the host is killed and a {@link ConnectionException.Kind#TIMEOUT} is thrown (interrupt status kept).
     */
    ExecResult exec(ExecRequest req) throws ConnectionException;

    /**
     * Kills every command running on this connection now, each with its process group on the host (for a
     * controller that was interrupted by SIGINT/SIGTERM). Their {@link #exec} calls return as killed; the
     * connection stays usable. Returns without waiting.
     */
    default void cancelRunning() {}

    /** How this connection was made, in one readable line (server, algorithms, host key, time), for {@code -vvvv}; null: nothing to say. */
    default String describe() {
        return null;
    }

    /**
     * Writes {@code data} to {@code path} atomically: a temporary file in the same directory, then attrs, then rename.
     * With {@code become} the file is written as the become user (e.g. root-owned paths over a non-root login).
     */
    void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException;

    /** Like {@link #put(byte[], String, FileAttrs, Become)} for a file on the controller, streamed. */
    void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException;

    /**
     * Temporary files that writes on this connection left on the host because the connection broke under them
     * (their removal needs a new connection: {@link Connections} does it when it reconnects or closes).
     */
    default java.util.List<String> leftovers() {
        return java.util.List.of();
    }

    /** Reads a whole file from the host (with become when given). */
    byte[] get(String path, Become become) throws ConnectionException;

    /** Copies a file from the host to the controller, streamed. */
    void get(String path, Path localFile, Become become) throws ConnectionException;

    @Override
    void close();
}
