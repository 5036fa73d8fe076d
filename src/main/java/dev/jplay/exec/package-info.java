/**
 * Execution: plans plays into host batches, runs strategies (linear, free) with per-host workers, loops, conditionals, retries, handlers, blocks; produces results as events.
 */
package dev.jplay.exec;
