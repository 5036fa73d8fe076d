package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.output.Event;
import dev.jplay.output.Status;
import dev.jplay.output.TaskInfo;
import dev.jplay.playbook.Task;
import dev.jplay.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code meta} task as ansible-core 2.14's strategies run it. The linear strategy runs the per-host actions
 * (noop, flush_handlers, end_host, reset_connection, role_complete) once per host, each time with its banner; the
 * others once, for the first host, and then act on every host of the play (the free strategy: per host). The
 * {@code when} of the host it runs for decides; when false, the result is {@code skipping} (not counted in the
 * recap) with Ansible's reason, and {@code -vv} shows {@code META: ...} either way.
 */
final class MetaTask {
    private static final Set<String> PER_HOST = Set.of("noop", "reset_connection", "end_host", "role_complete", "flush_handlers");
    private static final Set<String> WITHOUT_WHEN = Set.of("noop", "refresh_inventory", "reset_connection");

    private final Engine e;
    private final PlayRun play;
    private final TaskRunner runner;
    private final boolean free;

    MetaTask(Engine e, PlayRun play, TaskRunner runner, boolean free) {
        this.e = e;
        this.play = play;
        this.runner = runner;
        this.free = free;
    }

    /** What running the action for one host did: the message, and the reason when the {@code when} was false. */
    private record Done(String msg, String skipReason) {
        static Done ran(String msg) {
            return new Done(msg, null);
        }
    }

    void run(Task t, TaskInfo info, List<HostRun> hosts) {
        String action = Py.str(t.args().get("_raw_params")).strip();
        List<HostRun> targets = free || PER_HOST.contains(action) ? hosts : hosts.subList(0, 1);
        List<HostRun> flush = new ArrayList<>();
        for (HostRun h : targets) {
            e.output().on(new Event.TaskStarted(info));
            if (WITHOUT_WHEN.contains(action) && !t.when().isEmpty()) {
                e.output().on(new Event.Warning(action + " task does not support when conditional"));
            }
            Done d = run(action, t, h, flush);
            e.output().on(new Event.Verbose("META: " + (d.skipReason() == null ? d.msg() : d.skipReason()), 2, h.name));
            if (d.skipReason() != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("msg", d.msg());
                r.put("skipped", true);
                r.put("skip_reason", d.skipReason());
                e.output().on(new Event.HostResult(h.name, info, Status.SKIPPED, r, null, false));
            }
        }
        if (!flush.isEmpty()) {
            if (t.handler()) throw new SourceException("flush_handlers cannot be used as a handler", t.loc());
            play.flushHandlers(flush);
        }
    }

    private Done run(String action, Task t, HostRun h, List<HostRun> flush) {
        String skip = action + " conditional evaluated to False";
        switch (action) {
            case "noop" -> {
                return Done.ran("noop");
            }
            case "flush_handlers" -> {
                if (!holds(t, h)) return new Done(action, skip + ", not running handlers for " + h.name);
                flush.add(h);
                return Done.ran("triggered running handlers for " + h.name);
            }
            case "refresh_inventory" -> {
                e.vars().refreshInventory();
                return Done.ran("inventory successfully refreshed");
            }
            case "clear_facts" -> {
                if (!holds(t, h)) return new Done(action, skip + ", not clearing facts and fact cache for " + h.name);
                for (String host : play.hosts()) e.vars().state(host).clearFacts();
                e.options().facts().cache().flush(play.hosts());
                return Done.ran("facts cleared");
            }
            case "clear_host_errors" -> {
                if (!holds(t, h)) return new Done(action, skip + ", not clearing host error state for " + h.name);
                play.clearHostErrors();
                return Done.ran("cleared host errors");
            }
            case "end_batch" -> {
                if (!holds(t, h)) return new Done(action, skip + ", continuing current batch");
                play.endBatch();
                return Done.ran("ending batch");
            }
            case "end_play" -> {
                if (!holds(t, h)) return new Done(action, skip + ", continuing play");
                play.endPlay();
                return Done.ran("ending play");
            }
            case "end_host" -> {
                if (!holds(t, h)) {
                    return new Done("end_host conditional evaluated to false, continuing execution for " + h.name,
                            skip + ", continuing execution for " + h.name);
                }
                h.ended = true;
                play.updatePlayHosts(List.of(h));
                return Done.ran("ending play for " + h.name);
            }
            case "role_complete" -> {
                return Done.ran(action);
            }
            case "reset_connection" -> {
                if (!e.connections().reset(target(t, h))) e.output().on(new Event.Warning("Reset is not implemented for this connection"));
                return Done.ran("reset connection");
            }
            default -> throw new SourceException("invalid meta action requested: " + action, t.loc());
        }
    }

    private dev.jplay.connection.Target target(Task t, HostRun h) {
        var scope = runner.scope(t, h.name);
        Map<String, Object> kw = TaskKeywords.render(t.keywords(), e.templar(), scope.context(t.loc()), e.omit());
        return Targets.resolve(h.name, scope, kw, e.options()).target();
    }

    private boolean holds(Task t, HostRun h) {
        return runner.conditionHolds(t, h.name);
    }
}
