package dev.jplay.exec;

import dev.jplay.connection.ConnectionTypes;
import dev.jplay.data.Py;
import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import dev.jplay.vars.RunVars;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before any host is contacted: every host a play targets must have a connection type jplay knows, where that
 * type is written as a plain value (extra vars, play vars, inventory host or group vars, the play's
 * {@code connection} keyword, {@code -c}, with Ansible's precedence). An unknown one is a located error listing the
 * known types (Ansible would fail that host's first task with "the connection plugin 'X' was not found").
 * Templated values and plays whose host pattern is templated are left to the run.
 */
final class ConnectionCheck {
    private static final String VAR = "ansible_connection";

    private ConnectionCheck() {}

    static void check(Playbook pb, Inventory inventory, RunVars vars, RunOptions o) {
        Set<String> limit = null;
        if (o.limit() != null) {
            limit = new HashSet<>();
            for (Host h : inventory.select(o.limit(), w -> { })) limit.add(h.name());
        }
        for (Play play : pb.plays()) {
            if (Templar.isTemplate(play.hosts())) continue;
            for (Host h : inventory.select(Py.str(play.hosts()), w -> { })) {
                if (limit == null || limit.contains(h.name())) host(h, play, inventory, vars, o);
            }
        }
    }

    private static void host(Host h, Play play, Inventory inventory, RunVars vars, RunOptions o) {
        Object extra = o.extraVars().get(VAR);
        if (extra != null) {
            unknown(extra, Loc.UNKNOWN, "it is set with -e " + VAR);
            return;
        }
        if (play.vars().get(VAR) != null) {
            unknown(play.vars().get(VAR), play.loc(), "it is set in the play's vars");
            return;
        }
        Object inv = vars.inventoryVars(h.name()).get(VAR);
        if (inv != null) {
            if (h.vars().containsKey(VAR) || h.dirVars().containsKey(VAR)) {
                unknown(inv, h.loc(), "it is set for host '" + h.name() + "'");
            } else {
                unknown(inv, Loc.of(h.source() == null ? "<inventory>" : h.source()), "it is set for host '" + h.name()
                        + "' in the variables of group " + groupsSetting(h, inventory));
            }
            return;
        }
        Object keyword = play.keywords().get("connection");
        if (keyword == null && o.connection() != null) unknown(o.connection(), Loc.UNKNOWN, "it is given with -c/--connection");
    }

    private static String groupsSetting(Host h, Inventory inventory) {
        List<String> names = inventory.groupsFor(h).stream()
                .filter(g -> g.vars().containsKey(VAR) || g.dirVars().containsKey(VAR)).map(Group::name).toList();
        return names.isEmpty() ? "(group_vars)" : "'" + String.join("', '", names) + "'";
    }

    private static void unknown(Object value, Loc loc, String where) {
        if (!(value instanceof String name) || Templar.isTemplate(name) || ConnectionTypes.isKnown(name)) return;
        throw new SourceException(ConnectionTypes.unknown(name), loc, where);
    }
}
