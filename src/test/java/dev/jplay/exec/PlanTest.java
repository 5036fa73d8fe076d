package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jplay plan} on local hosts: a plan changes nothing (the tree is the same, times included), classifies
 * each task (changed with its diff, unknown commands with their command line, tasks that read an unknown result,
 * handlers notified only by unknown tasks), exits 2 with changes pending; the real run then changes exactly what
 * was predicted changed, plus some of the unknown; a plan after it exits 0.
 */
class PlanTest {
    @TempDir
    Path dir;

    private String playbook() {
        return """
                - hosts: all
                  gather_facts: false
                  vars:
                    d: %s
                  tasks:
                    - name: Same file
                      copy: {dest: "{{ d }}/same.txt", content: "same\\n"}
                    - name: Creates
                      command: touch {{ d }}/same.txt
                      args: {creates: "{{ d }}/same.txt"}
                    - name: Stat
                      stat: {path: "{{ d }}/same.txt"}
                      register: st
                    - name: Reads the stat
                      file: {path: "{{ d }}/known-{{ inventory_hostname }}", state: directory}
                      when: st.stat.exists
                    - name: New file
                      copy: {dest: "{{ d }}/new-{{ inventory_hostname }}.txt", content: "new\\n"}
                      notify: Sure
                    - name: A command
                      command: touch {{ d }}/cmd-{{ inventory_hostname }}
                      notify: Maybe
                    - name: A command that check mode would run
                      command: touch {{ d }}/forced-{{ inventory_hostname }}
                      check_mode: false
                    - name: Probe
                      command: cat {{ d }}/same.txt
                      register: probe
                      changed_when: false
                    - name: Reads the probe
                      file: {path: "{{ d }}/dir-{{ probe.stdout | default('none') }}", state: directory}
                      when: probe.rc == 0
                  handlers:
                    - name: Sure
                      copy: {dest: "{{ d }}/sure-{{ inventory_hostname }}", content: "x\\n"}
                    - name: Maybe
                      copy: {dest: "{{ d }}/maybe-{{ inventory_hostname }}", content: "x\\n"}
                """.formatted(dir);
    }

    @Test
    void plansWithoutChangingAnythingThenTheRunDoesWhatItSaid() throws Exception {
        Files.writeString(dir.resolve("same.txt"), "same\n");
        Runs runs = new Runs(dir.resolve("pb")).hosts(2);
        runs.planning = true;
        Map<String, String> before = tree();
        runs.run(playbook());
        assertThat(tree()).as("the plan changed nothing, not even a time").isEqualTo(before);
        assertThat(runs.result.exitCode()).isEqualTo(2);

        Map<String, Event.Planned> plan = planned(runs);
        assertThat(outcome(plan, "New file")).isEqualTo("changed");
        assertThat(plan.get("New file h1").result().get("diff").toString()).contains("new\n");
        assertThat(outcome(plan, "Same file")).isEqualTo("ok");
        assertThat(outcome(plan, "A command")).isEqualTo("unknown");
        assertThat(plan.get("A command h2").commands()).containsExactly("touch " + dir + "/cmd-h2");
        assertThat(outcome(plan, "A command that check mode would run")).isEqualTo("unknown");
        assertThat(outcome(plan, "Probe")).isEqualTo("ok");
        assertThat(plan.get("Probe h1").result().get("stdout_lines")).as("as Ansible's check-mode result").isEqualTo(List.of());
        assertThat(outcome(plan, "Reads the probe")).isEqualTo("unknown");
        assertThat(plan.get("Reads the probe h1").reason()).contains("'probe'", "'Probe'");
        assertThat(outcome(plan, "Reads the stat")).isEqualTo("changed");
        assertThat(outcome(plan, "Creates")).isEqualTo("ok");
        assertThat(outcome(plan, "Sure")).isEqualTo("changed");
        assertThat(outcome(plan, "Maybe")).isEqualTo("unknown");
        assertThat(plan.get("Maybe h1").reason()).contains("notified only by tasks whose outcome is unknown");
        Event.PlanSummary summary = runs.rec.of(Event.PlanSummary.class).get(0);
        assertThat(summary.exitCode()).isEqualTo(2);
        assertThat(summary.hosts().get("h1")).isEqualTo(new Event.PlanCounts(4, 3, 0, 4, 0));

        Runs real = new Runs(dir.resolve("pb")).run(playbook());
        Set<String> changed = real.rec.of(Event.HostResult.class).stream().filter(r -> r.status().name().equals("CHANGED"))
                .map(r -> r.task().banner() + " " + r.host()).collect(Collectors.toSet());
        Set<String> predicted = keys(plan, "changed");
        assertThat(changed).as("every predicted change happened").containsAll(predicted);
        Set<String> rest = new HashSet<>(changed);
        rest.removeAll(predicted);
        assertThat(keys(plan, "unknown")).as("every other change was unknown").containsAll(rest);

        Runs again = new Runs(dir.resolve("pb"));
        again.planning = true;
        again.run(playbook());
        assertThat(again.result.exitCode()).as("converged: nothing would change").isZero();
        assertThat(keys(planned(again), "changed")).isEmpty();
    }

    @Test
    void whatAnEarlierChangeMayAffectIsUnknownAndTheHostGoesOn() {
        Runs runs = new Runs(dir);
        runs.planning = true;
        runs.run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: {dest: "%1$s/conf", content: "a\\n"}
                    - name: Needs the file
                      command: cat %1$s/conf
                      args: {removes: "%1$s/conf"}
                    - name: Reads it
                      slurp: {src: "%1$s/conf"}
                    - name: After
                      file: {path: "%1$s/after", state: directory}
                """.formatted(dir));
        Map<String, Event.Planned> plan = planned(runs);
        assertThat(outcome(plan, "Needs the file")).isEqualTo("unknown");
        assertThat(plan.get("Needs the file h1").reason()).contains("creates/removes checked before an earlier change");
        assertThat(outcome(plan, "Reads it")).isEqualTo("unknown");
        assertThat(plan.get("Reads it h1").reason()).contains("fails in check mode; an earlier task on this host would change it");
        assertThat(outcome(plan, "After")).isEqualTo("changed");
        assertThat(runs.result.exitCode()).isEqualTo(2);
    }

    private static Map<String, Event.Planned> planned(Runs runs) {
        return runs.rec.of(Event.Planned.class).stream().collect(Collectors.toMap(p -> p.task().banner() + " " + p.host(), p -> p));
    }

    private static String outcome(Map<String, Event.Planned> plan, String task) {
        String h1 = plan.get(task + " h1") == null ? null : plan.get(task + " h1").outcome();
        if (plan.containsKey(task + " h2")) assertThat(plan.get(task + " h2").outcome()).as(task).isEqualTo(h1);
        return h1;
    }

    private static Set<String> keys(Map<String, Event.Planned> plan, String outcome) {
        return plan.entrySet().stream().filter(e -> e.getValue().outcome().equals(outcome)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Every file and directory under the temp dir but the playbook's, with its content and modification time. */
    private Map<String, String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Map<String, String> m = new TreeMap<>();
            for (Path p : s.filter(p -> !p.startsWith(dir.resolve("pb"))).toList()) {
                String content = Files.isRegularFile(p) ? Files.readString(p) : "dir";
                m.put(dir.relativize(p).toString(), content + " " + Files.getLastModifiedTime(p).toMillis());
            }
            return m;
        }
    }
}
