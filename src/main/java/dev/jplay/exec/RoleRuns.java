package dev.jplay.exec;

import dev.jplay.playbook.Role;
import dev.jplay.playbook.RoleContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which roles have run on which hosts in one play, for Ansible's role deduplication: a role (by its identity,
 * {@link Role#key()}) that has completed on a host is skipped there when it comes again, unless it allows
 * duplicates. A role completes on a host when the end of its tasks is reached after at least one of them ran there
 * (ok, changed or failed; skipped and unreachable results do not count). Thread-safe: hosts run in parallel.
 */
final class RoleRuns {
    private final Set<String> ran = ConcurrentHashMap.newKeySet();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> includedAllowDuplicates = new ConcurrentHashMap<>();

    /** A task of {@code role} produced a result on {@code host} that counts as the role having run. */
    void taskRan(RoleContext role, String host) {
        ran.add(id(role.role(), host));
    }

    /**
     * {@code include_role} loaded {@code role}. Ansible keeps one role object per identity and sets its
     * {@code allow_duplicates} from each include, so the latest include's setting holds for every occurrence of
     * that role, imported ones too.
     */
    void included(Role role) {
        includedAllowDuplicates.put(role.key(), role.allowDuplicates());
    }

    /** The hosts of {@code hosts} on which {@code role} is to run (not yet completed there, or duplicates allowed). */
    List<HostRun> pending(Role role, List<HostRun> hosts) {
        if (includedAllowDuplicates.getOrDefault(role.key(), role.allowDuplicates())) return hosts;
        return hosts.stream().filter(h -> !completed.contains(id(role, h.name))).toList();
    }

    /** The end of {@code role}'s tasks was reached on {@code hosts}. */
    void reachedEnd(Role role, List<HostRun> hosts) {
        for (HostRun h : hosts) {
            String id = id(role, h.name);
            if (ran.contains(id)) completed.add(id);
        }
    }

    private static String id(Role role, String host) {
        return host + "\u0000" + role.key();
    }
}
