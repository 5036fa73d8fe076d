package dev.jplay.connection;

/**
 * Sees a command's output while it runs (the console shows long commands live). Called from the threads that read
 * the command's streams, stdout and stderr possibly at the same time; it must not block. The captured result is
 * the same with or without a listener.
 */
@FunctionalInterface
public interface OutputListener {
    void output(byte[] data, int offset, int length, boolean stderr);
}
