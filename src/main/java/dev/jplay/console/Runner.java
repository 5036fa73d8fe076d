package dev.jplay.console;

import dev.jplay.modules.ModuleSpec;
import java.util.Collection;
import java.util.List;

/**
 * What the console needs from the engine: run one module on a pattern, and names for listings and completion.
 * The engine keeps what commands learn about hosts (facts, {@code set_fact}, the last result as {@code _}) from one
 * command to the next.
 */
public interface Runner {
    /** One command: {@code module} with its argument text on {@code pattern}, narrowed to {@code only} when not null. */
    record Command(String pattern, List<String> only, String module, String args) {}

    /**
     * How a command ended: its exit code (0 ok, 2 a host failed, 4 a host was unreachable, 130 cancelled) and the
     * hosts where it did not succeed (failed or unreachable), in inventory order.
     */
    record Outcome(int exitCode, List<String> failedHosts) {
        static final Outcome CANCELLED = new Outcome(130, List.of());
    }

    Outcome run(Command command, Settings settings);

    /** Hosts matching a pattern (empty when nothing matches). */
    List<String> hosts(String pattern);

    /** Every group name, sorted. */
    List<String> groups();

    /** Every module name, for completion and for telling a module from a shell command. */
    Collection<String> modules();

    /** The documentation page of a module, or null. */
    String doc(String module);

    /** A module's spec (parameters for completion), or null. */
    ModuleSpec spec(String module);

    /**
     * Stops the command that is running (Ctrl-C) on every host: its processes there are killed, and nothing more of
     * it starts there (the next {@link #run} starts commands again). Called from the console's thread.
     */
    void cancel();
}
