package dev.jplay.output;

import dev.jplay.data.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON object per event per line ({@code --json}), for CI and tools. The schema is in docs/events.md. */
public final class JsonLinesCallback implements Callback {
    private final PrintStream out;

    public JsonLinesCallback(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        if (e instanceof Event.PlaybookStarted p) {
            put(m, "playbook_start", "path", p.path(), "check", p.check(), "diff", p.diff());
        } else if (e instanceof Event.PlayStarted p) {
            put(m, "play_start", "name", p.name(), "pattern", p.pattern(), "hosts", p.hosts());
        } else if (e instanceof Event.NoHostsMatched p) {
            put(m, "no_hosts_matched", "pattern", p.pattern());
        } else if (e instanceof Event.TaskStarted t) {
            put(m, "task_start", "task", task(t.task()));
        } else if (e instanceof Event.HostResult r) {
            put(m, "host_result", "host", r.host(), "task", task(r.task()), "status", r.status().name().toLowerCase(),
                    "delegated_to", r.delegatedTo(), "ignored", r.ignored(), "result", Results.strip(Results.displayCopy(r.result())));
        } else if (e instanceof Event.ItemResult r) {
            put(m, "item_result", "host", r.host(), "task", task(r.task()), "status", r.status().name().toLowerCase(),
                    "item", Results.itemLabel(r.result()), "result", Results.strip(Results.displayCopy(r.result())));
        } else if (e instanceof Event.Retrying r) {
            put(m, "retrying", "host", r.host(), "task", task(r.task()), "retries_left", r.retriesLeft());
        } else if (e instanceof Event.Async a) {
            put(m, "async_" + a.step().name().toLowerCase(), "host", a.host(), "task", task(a.task()), "jid", a.result().get("ansible_job_id"),
                    "started", a.result().get("started"), "finished", a.result().get("finished"));
        } else if (e instanceof Event.Included i) {
            put(m, "included", "file", i.file(), "hosts", i.hosts());
        } else if (e instanceof Event.Warning w) {
            put(m, "warning", "message", w.message());
        } else if (e instanceof Event.Deprecation w) {
            put(m, "deprecation", "message", w.message());
        } else if (e instanceof Event.NoMoreHosts) {
            put(m, "no_more_hosts");
        } else if (e instanceof Event.Recap r) {
            Map<String, Object> stats = new LinkedHashMap<>();
            r.stats().forEach((h, s) -> stats.put(h, Map.of("ok", s.ok(), "changed", s.changed(), "unreachable", s.unreachable(),
                    "failed", s.failed(), "skipped", s.skipped(), "rescued", s.rescued(), "ignored", s.ignored())));
            put(m, "recap", "stats", stats);
        } else if (e instanceof Event.PlaybookEnded p) {
            put(m, "playbook_end", "elapsed_ms", p.elapsed().toMillis(), "exit_code", p.exitCode());
        } else if (e instanceof Event.Planned p) {
            Map<String, Object> shown = Results.strip(Results.displayCopy(p.result()));
            put(m, "plan", "host", p.host(), "task", task(p.task()), "outcome", p.outcome(), "reason", p.reason(), "commands", p.commands(),
                    "diff", p.outcome().equals("changed") ? diffs(shown) : List.of());
        } else if (e instanceof Event.PlanSummary s) {
            Map<String, Object> hosts = new LinkedHashMap<>();
            s.hosts().forEach((h, c) -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("changed", c.changed());
                counts.put("unknown", c.unknown());
                counts.put("ok", c.ok());
                counts.put("skipped", c.skipped());
                counts.put("failed", c.failed());
                hosts.put(h, counts);
            });
            put(m, "plan_summary", "hosts", hosts, "exit_code", s.exitCode());
        } else if (e instanceof Event.Error err) {
            put(m, "error", "message", err.message());
        } else {
            return;
        }
        out.println(Json.write(m));
        out.flush();
    }

    private static void put(Map<String, Object> m, String event, Object... kv) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("event", event);
        copy.putAll(m);
        for (int i = 0; i < kv.length; i += 2) copy.put((String) kv[i], kv[i + 1]);
        m.clear();
        m.putAll(copy);
    }

    /** The diffs of a result (each loop item's), as a list. */
    private static List<Object> diffs(Map<String, Object> r) {
        List<Object> out = new ArrayList<>();
        if (r.get("results") instanceof List<?> items) {
            for (Object i : items) if (i instanceof Map<?, ?> m && m.get("diff") != null) out.add(m.get("diff"));
        } else if (r.get("diff") != null) {
            out.add(r.get("diff"));
        }
        return out;
    }

    private static Map<String, Object> task(TaskInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.banner());
        m.put("action", t.action());
        m.put("role", t.role());
        m.put("file", t.loc().file());
        m.put("line", t.loc().line());
        m.put("handler", t.handler());
        return m;
    }
}
