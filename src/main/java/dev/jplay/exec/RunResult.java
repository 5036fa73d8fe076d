package dev.jplay.exec;

import dev.jplay.output.HostStats;
import java.util.Map;

/** The outcome of a run: the recap per host and the exit code (0 ok, 2 a host failed, 4 a host was unreachable). */
public record RunResult(Map<String, HostStats> stats, int exitCode) {}
