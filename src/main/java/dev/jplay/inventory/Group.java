package dev.jplay.inventory;

import java.util.List;
import java.util.Map;

/**
 * A group: its own variables ({@code [g:vars]} or YAML {@code vars:}), those from {@code group_vars/NAME} beside
 * the inventory source ({@code dirVars}), its direct child groups and direct hosts (in definition order),
 * and its {@code ansible_group_priority}.
 */
public record Group(String name, Map<String, Object> vars, Map<String, Object> dirVars, List<String> children,
                    List<String> hosts, int priority) {}
