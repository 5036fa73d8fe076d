package dev.jplay.cli;

import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hosts a command line targets, chosen as Ansible's {@code CLI.get_host_list} does: the pattern, narrowed by
 * {@code --limit}. Nothing left is an error ({@link NoHosts}) unless the inventory itself is empty, where Ansible
 * only warns that the implicit localhost does not match {@code all}.
 */
final class HostSelection {
    static final String NO_HOSTS = "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.";

    private HostSelection() {}

    /** Nothing matched pattern and limit together. */
    static final class NoHosts extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoHosts() {
            super(NO_HOSTS);
        }
    }

    static List<Host> select(Inventory inv, String pattern, String limit, Consumer<String> warn) {
        boolean empty = inv.hosts().isEmpty();
        if (empty && !Set.of("localhost", "127.0.0.1", "::1").contains(pattern)) {
            warn.accept("provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'");
        }
        Set<String> allowed = null;
        if (limit != null) {
            allowed = new HashSet<>();
            for (Host h : inv.select(limit, warn)) allowed.add(h.name());
        }
        Set<String> keep = allowed;
        List<Host> hosts = inv.select(pattern, warn).stream().filter(h -> keep == null || keep.contains(h.name())).toList();
        if (hosts.isEmpty() && !empty) throw new NoHosts();
        return hosts;
    }
}
