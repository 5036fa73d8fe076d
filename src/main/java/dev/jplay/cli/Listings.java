package dev.jplay.cli;

import dev.jplay.data.Py;
import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.playbook.Block;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.TagSelection;
import dev.jplay.playbook.Task;
import dev.jplay.playbook.TaskNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** {@code --list-hosts}, {@code --list-tasks}, {@code --list-tags} in ansible-playbook's format. */
final class Listings {
    private Listings() {}

    /** What to list. */
    record What(boolean hosts, boolean tasks, boolean tags) {}

    static String render(String shownPath, Playbook pb, Inventory inv, String limit, TagSelection sel, What what,
                         Function<Object, String> render) {
        StringBuilder sb = new StringBuilder("\nplaybook: ").append(shownPath).append('\n');
        int n = 0;
        for (Play play : pb.plays()) {
            String pattern = render.apply(play.hosts());
            String name = play.name() == null ? pattern : render.apply(play.name());
            sb.append("\n  play #").append(++n).append(" (").append(pattern).append("): ").append(name)
              .append("\tTAGS: [").append(String.join(", ", new TreeSet<>(play.tags()))).append("]\n");
            if (what.hosts()) hosts(sb, play, pattern, inv, limit);
            List<Task> tasks = new ArrayList<>();
            for (List<TaskNode> section : play.sections()) collect(section, sel, tasks);
            if (what.tasks()) {
                sb.append("    tasks:\n");
                for (Task t : tasks) {
                    String tn = t.name() == null ? t.action() : render.apply(t.name());
                    if (t.role() != null) tn = t.role().name() + " : " + tn;
                    sb.append("      ").append(tn).append("\tTAGS: [").append(String.join(", ", new TreeSet<>(t.tags()))).append("]\n");
                }
            }
            if (what.tags()) {
                Set<String> all = new TreeSet<>();
                tasks.forEach(t -> all.addAll(t.tags()));
                sb.append("      TASK TAGS: [").append(String.join(", ", all)).append("]\n");
            }
        }
        return sb.toString();
    }

    private static void hosts(StringBuilder sb, Play play, String pattern, Inventory inv, String limit) {
        List<Host> hosts = inv.select(pattern, w -> { });
        if (limit != null) {
            Set<String> allowed = new TreeSet<>();
            inv.select(limit, w -> { }).forEach(h -> allowed.add(h.name()));
            hosts = hosts.stream().filter(h -> allowed.contains(h.name())).toList();
        }
        List<String> parts = new ArrayList<>();
        for (String p : pattern.split("[,:]")) if (!p.isBlank()) parts.add(Py.repr(p.strip()));
        sb.append("    pattern: [").append(String.join(", ", parts)).append("]\n");
        sb.append("    hosts (").append(hosts.size()).append("):\n");
        for (Host h : hosts) sb.append("      ").append(h.name()).append('\n');
    }

    private static void collect(List<TaskNode> nodes, TagSelection sel, List<Task> out) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                collect(b.block(), sel, out);
                collect(b.rescue(), sel, out);
                collect(b.always(), sel, out);
            } else if (n instanceof Task t && sel.shouldRun(t.tags()) && !t.action().equals("meta")) {
                out.add(t);
            }
        }
    }
}
