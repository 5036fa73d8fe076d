package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.output.Event;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Task;
import dev.jplay.vars.PlayVars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handlers of a play: matched by name, {@code role : name} or {@code listen} topic; run at each flush in
 * definition order, once, on the hosts that notified them (also failed ones with force_handlers). Handlers that
 * notify other handlers are picked up in the same flush.
 */
final class Handlers {
    private final Engine e;
    private final PlayRun run;
    private final Play play;
    private final PlayVars pv;
    private final Walker walker;
    private final List<Task> handlers;

    Handlers(Engine e, PlayRun run, Play play, PlayVars pv, Walker walker) {
        this.e = e;
        this.run = run;
        this.play = play;
        this.pv = pv;
        this.walker = walker;
        this.handlers = new CopyOnWriteArrayList<>(play.handlers());
    }

    /** Handlers of roles loaded by include_role at run time. */
    void add(List<Task> more) {
        handlers.addAll(more);
    }

    void flush(List<HostRun> hosts) {
        boolean force = e.options().forceHandlers()
                || Flags.of("force_handlers", play.forceHandlers(), false, e.templar(), pv.playScope().context(), play.loc());
        for (int pass = 0; pass < 100; pass++) {
            Map<Task, List<HostRun>> due = new LinkedHashMap<>();
            Map<HostRun, Set<String>> consumed = new LinkedHashMap<>();
            for (Task h : handlers) {
                Set<String> names = names(h);
                for (HostRun host : hosts) {
                    if (host.unreachable || (!host.active() && !(force && host.failed))) continue;
                    List<String> hit = host.notified.stream().filter(names::contains).toList();
                    if (hit.isEmpty()) continue;
                    due.computeIfAbsent(h, k -> new ArrayList<>()).add(host);
                    consumed.computeIfAbsent(host, k -> new HashSet<>()).addAll(hit);
                }
            }
            warnUnknown(hosts, consumed);
            if (due.isEmpty()) return;
            consumed.forEach((h, n) -> h.notified.removeAll(n));
            for (var en : due.entrySet()) {
                if (run.stopped()) return;
                List<HostRun> targets = en.getValue().stream().filter(h -> h.active() || (force && h.failed && !h.unreachable)).toList();
                if (!targets.isEmpty()) walker.task(en.getKey(), targets);
            }
        }
    }

    private void warnUnknown(List<HostRun> hosts, Map<HostRun, Set<String>> consumed) {
        for (HostRun h : hosts) {
            for (String n : List.copyOf(h.notified)) {
                if (consumed.getOrDefault(h, Set.of()).contains(n)) continue;
                if (handlers.stream().noneMatch(t -> names(t).contains(n))) {
                    h.notified.remove(n);
                    e.output().on(new Event.Warning("The requested handler '" + n + "' was not found in either the main handlers "
                            + "list nor in the listening handlers list"));
                }
            }
        }
    }

    /** The names a handler answers to: its name (also as {@code role : name}) and its listen topics. */
    Set<String> names(Task h) {
        Set<String> s = new HashSet<>();
        if (h.name() != null) {
            String n = run.displayName(h.name());
            s.add(n);
            if (h.role() != null) s.add(h.role().name() + " : " + n);
        }
        for (String l : h.listen()) s.add(Py.str(run.displayName(l)));
        return s;
    }
}
