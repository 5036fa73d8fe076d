package dev.jplay.connection;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A conversation with a running command ({@code expect}): it hears the command's output as it arrives and answers
 * on the command's stdin, which stays open until the conversation ends. Answers (often passwords) only ever go to
 * stdin, never into a command line, a log or a trace. A request with a dialog runs in a channel (or process) of its
 * own, never in a persistent shell, which copies a command's stdin before starting it.
 */
public interface Dialog {
    /** Output arrived, from the threads that read stdout and stderr (possibly at once); must not block. */
    void heard(byte[] data, int offset, int length, boolean stderr);

    /** The command's stdout ended: it exited, or was killed. */
    void ended();

    /**
     * Runs on a pool thread once the command runs (after become): writes answers to {@code stdin} as output
     * arrives, and returns when the output {@link #ended}, or after calling {@code hangUp} (which kills the command
     * and its process group on the host) when it gives up. The connection closes stdin afterwards.
     */
    void talk(OutputStream stdin, Runnable hangUp) throws IOException;
}
