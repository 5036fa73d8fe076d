package dev.jplay.exec;

import dev.jplay.output.Callback;
import dev.jplay.output.Event;
import dev.jplay.output.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records events for assertions; offers the views tests need (per-task statuses, results, warnings). */
final class Recorder implements Callback {
    final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void on(Event e) {
        events.add(e);
    }

    synchronized <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** "banner host status" lines for host results, in event order. */
    synchronized List<String> statuses() {
        return of(Event.HostResult.class).stream()
                .map(r -> r.task().banner() + " " + r.host() + " " + r.status().name().toLowerCase() + (r.ignored() ? " ignored" : ""))
                .toList();
    }

    /** The result of the first task with this banner on this host. */
    synchronized Map<String, Object> result(String banner, String host) {
        return of(Event.HostResult.class).stream().filter(r -> r.task().banner().equals(banner) && r.host().equals(host))
                .findFirst().map(Event.HostResult::result).orElseThrow(() -> new AssertionError("no result for " + banner + " on " + host
                        + "; have " + statuses()));
    }

    synchronized List<String> banners() {
        return of(Event.TaskStarted.class).stream().map(t -> (t.task().handler() ? "HANDLER " : "") + t.task().banner()).toList();
    }

    synchronized Status status(String banner, String host) {
        return of(Event.HostResult.class).stream().filter(r -> r.task().banner().equals(banner) && r.host().equals(host))
                .findFirst().map(Event.HostResult::status).orElse(null);
    }

    synchronized List<String> warnings() {
        return of(Event.Warning.class).stream().map(Event.Warning::message).toList();
    }
}
