package dev.jplay.console;

import java.util.Collection;
import java.util.List;

/** What the console needs from the engine: run one module on a pattern, and names for listings and completion. */
public interface Runner {
    /** Runs {@code module} with {@code args} on the hosts matching {@code pattern}; returns the exit code. */
    int run(String pattern, String module, String args, Settings settings);

    /** Hosts matching a pattern (empty when nothing matches). */
    List<String> hosts(String pattern);

    List<String> groups();

    /** Every module name, for completion and for telling a module from a shell command. */
    Collection<String> modules();

    /** The documentation page of a module, or null. */
    String doc(String module);

    /** A module's spec (parameters for completion), or null. */
    dev.jplay.modules.ModuleSpec spec(String module);

    /** Stops the command that is running (Ctrl-C): its hosts' connections are closed and reopened on next use. */
    void cancel();
}
