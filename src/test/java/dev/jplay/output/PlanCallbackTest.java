package dev.jplay.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Loc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's text: outcomes in the play's host order with diffs and command lines, ok-only tasks left out, the table. */
class PlanCallbackTest {
    @Test
    void printsOutcomesDiffsCommandsAndTheSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        PlanCallback cb = new PlanCallback(new Display(ps, ps, false, 80), 0);
        TaskInfo conf = new TaskInfo("t1", "Config", null, "copy", Loc.UNKNOWN, false, false, false);
        TaskInfo swap = new TaskInfo("t2", "Swap off", "prep", "command", Loc.UNKNOWN, false, false, false);
        TaskInfo quiet = new TaskInfo("t3", "Quiet", null, "stat", Loc.UNKNOWN, false, false, false);
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("changed", true);
        changed.put("diff", Map.of("before", "a\n", "after", "b\n", "after_header", "/etc/x"));
        cb.on(new Event.PlayStarted("Nodes", "all", List.of("n1", "n2")));
        cb.on(new Event.TaskStarted(conf));
        cb.on(new Event.Planned("n2", conf, "changed", null, List.of(), Map.of("changed", true)));
        cb.on(new Event.Planned("n1", conf, "changed", null, List.of(), changed));
        cb.on(new Event.TaskStarted(swap));
        cb.on(new Event.Planned("n1", swap, "unknown", "not run in check mode", List.of("swapoff -a"), Map.of()));
        cb.on(new Event.TaskStarted(quiet));
        cb.on(new Event.Planned("n1", quiet, "ok", null, List.of(), Map.of()));
        Map<String, Event.PlanCounts> counts = new LinkedHashMap<>();
        counts.put("n1", new Event.PlanCounts(1, 1, 0, 1, 0));
        counts.put("n2", new Event.PlanCounts(2, 0, 0, 0, 0));
        cb.on(new Event.PlanSummary(counts, 2));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("PLAY [Nodes]", "TASK [Config]", "changed: [n1]\n--- before\n+++ after: /etc/x\n", "-a\n+b\n", "changed: [n2]",
                "TASK [prep : Swap off]", "unknown: [n1] (not run in check mode)\n    would run: swapoff -a\n",
                "HOST  CHANGED  UNKNOWN     OK  SKIPPED  FAILED\nn1          1        1      1        0       0\n",
                "1 change pending on 1 host; 1 unknown (check mode cannot tell).");
        assertThat(text.indexOf("changed: [n1]")).as("the play's host order").isLessThan(text.indexOf("changed: [n2]"));
        assertThat(text).doesNotContain("Quiet");
    }
}
