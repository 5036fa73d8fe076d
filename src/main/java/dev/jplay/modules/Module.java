package dev.jplay.modules;

import dev.jplay.connection.ConnectionException;

/**
 * A built-in module. {@link #run} reads the host's current state, decides, applies the change unless
 * {@link ModuleContext#check()} is set, and reports {@code changed}, {@code diff} (when
 * {@link ModuleContext#diff()}) and {@code msg}. A second run against an unchanged host reports changed=false.
 * Implementations are stateless and thread-safe: one instance serves all hosts at once.
 */
public interface Module {
    ModuleSpec spec();

    /**
     * Runs on one host with validated, templated arguments. Expected failures (bad state on the host, a command
     * that failed) return {@link ModuleResult#failed}; a {@link ConnectionException} means the host or the
     * transfer failed.
     */
    ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException;
}
