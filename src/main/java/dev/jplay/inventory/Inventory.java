package dev.jplay.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hosts and groups of a run. Loaded once; {@code add_host} and {@code group_by} may add to it while a play
 * runs, so it is thread-safe (reads proceed concurrently, additions are atomic).
 */
public final class Inventory {
    /**
     * Loads {@code -i} sources in order: INI or YAML/JSON files, directories of them (with {@code group_vars/} and
     * {@code host_vars/} inside), or comma-separated host lists ({@code "a,b,"}); relative paths against {@code cwd}.
     * Warnings (e.g. an unparsable source skipped) go to {@code warn}. Errors are {@link dev.jplay.source.SourceException}.
     */
    public static Inventory load(List<String> sources, Path cwd, Consumer<String> warn) {
        throw new UnsupportedOperationException("inventory not built yet");
    }

    /** All hosts in definition order. */
    public List<Host> hosts() {
        throw new UnsupportedOperationException();
    }

    /** A host by name; {@code localhost}/{@code 127.0.0.1} give the implicit localhost when not defined; else null. */
    public Host host(String name) {
        throw new UnsupportedOperationException();
    }

    public Group group(String name) {
        throw new UnsupportedOperationException();
    }

    public List<Group> groups() {
        throw new UnsupportedOperationException();
    }

    /**
     * Hosts matching an Ansible pattern ({@code all}, {@code *}, {@code a:b}, {@code a,b}, {@code a:&b}, {@code a:!b},
     * wildcards, {@code ~regex}, {@code g[0]}, {@code g[1:3]}, {@code g[-1]}), in inventory order, no duplicates.
     * A part that matches nothing is reported through {@code warn}.
     */
    public List<Host> select(String pattern, Consumer<String> warn) {
        throw new UnsupportedOperationException();
    }

    /**
     * The groups of a host including {@code all} and every ancestor, ordered for variable precedence: lowest first
     * (by depth, then {@code ansible_group_priority}, then name), so later ones win.
     */
    public List<Group> groupsFor(Host host) {
        throw new UnsupportedOperationException();
    }

    /** {@code group_names}: the host's groups (with ancestors), sorted, without {@code all}. */
    public List<String> groupNames(Host host) {
        throw new UnsupportedOperationException();
    }

    /** The {@code groups} variable: every group name (with {@code all} and {@code ungrouped}) to its hosts. */
    public Map<String, List<String>> groupsVar() {
        throw new UnsupportedOperationException();
    }

    /** The directories of the inventory sources (for {@code inventory_dir} and {@code group_vars/} lookup). */
    public List<Path> sourceDirs() {
        throw new UnsupportedOperationException();
    }

    /** {@code add_host}: adds (or updates) a host with groups and vars. */
    public Host addHost(String name, List<String> groups, Map<String, Object> vars) {
        throw new UnsupportedOperationException();
    }

    /** {@code group_by}: puts a host into a group (created under {@code parents}, default {@code all}). */
    public void addToGroup(String host, String group, List<String> parents) {
        throw new UnsupportedOperationException();
    }
}
