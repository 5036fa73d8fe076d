package dev.jplay.output;

/** The outcome of a task (or of one loop item) on one host. */
public enum Status { OK, CHANGED, SKIPPED, FAILED, UNREACHABLE }
