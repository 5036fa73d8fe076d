package dev.jplay.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many hosts at a glance: the results of one task, hosts with identical results in one group
 * ({@code lab02, lab03 (2) | CHANGED | rc=0 >> ...}). The largest group comes first, the hosts that differ from it
 * after; groups of equal size and the hosts in a group keep the play's host order.
 */
final class Grouping {
    /** A result as shown after the host name: {@code before} is printed on its own first (a diff), then the line. */
    record Entry(String before, String text, String color) {}

    /** Hosts sharing one entry; {@code label} is the host, or {@code h1, h2 (2)}. */
    record Group(List<String> hosts, Entry entry) {
        String label() {
            return hosts.size() == 1 ? hosts.get(0) : String.join(", ", hosts) + " (" + hosts.size() + ")";
        }
    }

    private final Map<String, Entry> byHost = new LinkedHashMap<>();

    void add(String host, Entry e) {
        byHost.put(host, e);
    }

    /** The groups of what was added, then forgets it. {@code order} is the play's host order. */
    List<Group> drain(List<String> order) {
        Map<Entry, List<String>> groups = new LinkedHashMap<>();
        List<String> hosts = new ArrayList<>(order.stream().filter(byHost::containsKey).toList());
        byHost.keySet().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
        for (String h : hosts) groups.computeIfAbsent(byHost.get(h), k -> new ArrayList<>()).add(h);
        byHost.clear();
        List<Group> out = new ArrayList<>();
        groups.forEach((e, hs) -> out.add(new Group(List.copyOf(hs), e)));
        // stable: equal sizes keep the order of their first host
        out.sort((a, b) -> Integer.compare(b.hosts().size(), a.hosts().size()));
        return out;
    }
}
