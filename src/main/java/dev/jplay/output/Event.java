package dev.jplay.output;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a run reports, in order. The executor emits events from worker threads; {@link Output} serialises
 * them, so callbacks see one event at a time. Result maps are the registered results (with Ansible's internal
 * {@code _ansible_*} keys such as {@code _ansible_no_log}, {@code _ansible_item_label},
 * {@code _ansible_verbose_always}); callbacks must not modify them.
 */
public sealed interface Event {
    /** A playbook file starts (once per file given on the command line). */
    record PlaybookStarted(String path, boolean check, boolean diff) implements Event {}

    /** {@code PLAY [name]}: {@code name} is the play's templated name, or its hosts pattern when it has none. */
    record PlayStarted(String name, String pattern, List<String> hosts) implements Event {}

    /** The play's pattern matched no host: {@code skipping: no hosts matched}. */
    record NoHostsMatched(String pattern) implements Event {}

    /** {@code TASK [..]} or {@code RUNNING HANDLER [..]}; sent once per task, before its first result. */
    record TaskStarted(TaskInfo task) implements Event {}

    /**
     * A task finished on a host. {@code delegatedTo} is null unless delegated; {@code ignored} marks a failure
     * kept by {@code ignore_errors} ({@code ...ignoring}); for loops, {@code result} holds {@code results}.
     */
    record HostResult(String host, TaskInfo task, Status status, Map<String, Object> result, String delegatedTo,
                      boolean ignored) implements Event {}

    /** One loop item finished ({@code ok: [h] => (item=x)}); {@code result} has {@code _ansible_item_label} or {@code item}. */
    record ItemResult(String host, TaskInfo task, Status status, Map<String, Object> result, String delegatedTo) implements Event {}

    /** An {@code until} attempt failed and will be retried: {@code FAILED - RETRYING: [h]: name (N retries left).} */
    record Retrying(String host, TaskInfo task, int retriesLeft, Map<String, Object> result) implements Event {}

    /**
     * An async task's job on a host ({@code poll} > 0): {@code ASYNC POLL on h: jid=J started=1 finished=0} after each
     * poll that found it running, then {@code ASYNC OK on h: jid=J} or {@code ASYNC FAILED on h: jid=J}.
     */
    record Async(String host, TaskInfo task, AsyncStep step, Map<String, Object> result) implements Event {}

    /** The steps of {@link Async}. */
    enum AsyncStep { POLL, OK, FAILED }

    /**
     * A dynamic include was loaded: {@code included: /path/file.yml for h1, h2}, with {@code => (item=LABEL)} when
     * {@code label} (the loop item, or loop_control's label) is not null.
     */
    record Included(String file, List<String> hosts, TaskInfo task, Object label) implements Event {}

    /** {@code [WARNING]: ...} */
    record Warning(String message) implements Event {}

    /** {@code [DEPRECATION WARNING]: ...} */
    record Deprecation(String message) implements Event {}

    /**
     * A line a long-running command printed on {@code host}, sent as it came (once the command has run a while):
     * callbacks that show output live print it host-prefixed; {@code stderr} tells the stream.
     */
    record Live(String host, String line, boolean stderr) implements Event {}

    /** A line shown only at {@code -v} level {@code level} or more (task paths, connection details). */
    record Verbose(String message, int level, String host) implements Event {}

    /** All hosts of the play have failed: {@code NO MORE HOSTS LEFT}. */
    record NoMoreHosts() implements Event {}

    /**
     * {@code PLAY RECAP}, hosts in inventory order, with per-task timings for profile callbacks and the
     * {@code set_stats} data ({@code custom}: per host, and for the whole run under {@code _run}; keys sorted).
     */
    record Recap(Map<String, HostStats> stats, List<TaskTiming> timings, Map<String, Map<String, Object>> custom) implements Event {}

    /** How long a task took across its hosts (for {@code profile_tasks}). */
    record TaskTiming(TaskInfo task, Duration elapsed) {}

    /** The run is over; {@code exitCode} is what the process will return. */
    record PlaybookEnded(Duration elapsed, int exitCode) implements Event {}

    /** Plain text that belongs on stdout as it is (listings: {@code --list-tasks}, {@code --list-hosts}, inventory graphs). */
    record Text(String text) implements Event {}

    /**
     * {@code jplay plan}: what a task would do on a host. {@code outcome} is {@code ok}, {@code changed},
     * {@code skipped}, {@code unknown}, {@code failed} or {@code unreachable}; {@code reason} says why an outcome is
     * unknown (or null); {@code commands} are the command lines a command/shell/raw/script task would run;
     * {@code result} is the check-mode result (with its {@code diff}).
     */
    record Planned(String host, TaskInfo task, String outcome, String reason, List<String> commands,
                   Map<String, Object> result) implements Event {}

    /** {@code jplay plan}: predicted outcomes counted per host (inventory order), and the plan's exit code. */
    record PlanSummary(Map<String, PlanCounts> hosts, int exitCode) implements Event {}

    /** How many tasks would be ok, changed, skipped, unknown or failed (failed counts unreachable too) on one host. */
    record PlanCounts(long ok, long changed, long skipped, long unknown, long failed) {}

    /** An error the run stops on (load/validation errors are rendered with file:line:col before this). */
    record Error(String message) implements Event {}
}
