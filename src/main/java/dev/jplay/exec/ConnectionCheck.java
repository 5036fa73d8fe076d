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
import java.util.function.Consumer;

/**
 * Before any host is contacted: every host a play targets should have a connection type jplay knows, where that
 * type is written as a plain value (extra vars, play vars, inventory host or group vars, the play's
 * {@code connection} keyword, {@code -c}, with Ansible's precedence). An unknown one is a located warning listing
 * the known types; the run goes on as Ansible's does, and that host's tasks fail with "the connection plugin 'X'
 * was not found" (jplay never rejects a playbook Ansible runs). Templated values and plays whose host pattern is
 * templated are left to the run.
 */
final class ConnectionCheck {
    private static final String VAR = "ansible_connection";

    private ConnectionCheck() {}

    static void check(Playbook pb, Inventory inventory, RunVars vars, RunOptions o, Consumer<String> warn) {
        Set<String> limit = null;
        if (o.selection().limit() != null) {
            limit = new HashSet<>();
            for (Host h : inventory.select(o.selection().limit(), w -> { })) limit.add(h.name());
        }
        for (Play play : pb.plays()) {
            if (Templar.isTemplate(play.hosts())) continue;
            for (Host h : inventory.select(Py.str(play.hosts()), w -> { })) {
                if (limit == null || limit.contains(h.name())) host(h, play, inventory, vars, o, warn);
            }
        }
    }

    private static void host(Host h, Play play, Inventory inventory, RunVars vars, RunOptions o, Consumer<String> warn) {
        Object extra = o.extraVars().get(VAR);
        if (extra != null) {
            unknown(warn, extra, Loc.UNKNOWN, "it is set with -e " + VAR);
            return;
        }
        if (play.vars().get(VAR) != null) {
            unknown(warn, play.vars().get(VAR), play.loc(), "it is set in the play's vars");
            return;
        }
        Object inv = vars.inventoryVars(h.name()).get(VAR);
        if (inv != null) {
            if (h.vars().containsKey(VAR) || h.dirVars().containsKey(VAR)) {
                unknown(warn, inv, h.loc(), "it is set for host '" + h.name() + "'");
            } else {
                unknown(warn, inv, Loc.of(h.source() == null ? "<inventory>" : h.source()), "it is set for host '" + h.name()
                        + "' in the variables of group " + groupsSetting(h, inventory));
            }
            return;
        }
        Object keyword = play.keywords().get("connection");
        if (keyword != null) unknown(warn, keyword, play.loc(), "it is the play's connection keyword");
        else if (o.connection().type() != null) unknown(warn, o.connection().type(), Loc.UNKNOWN, "it is given with -c/--connection");
    }

    private static String groupsSetting(Host h, Inventory inventory) {
        List<String> names = inventory.groupsFor(h).stream()
                .filter(g -> g.vars().containsKey(VAR) || g.dirVars().containsKey(VAR)).map(Group::name).toList();
        return names.isEmpty() ? "(group_vars)" : "'" + String.join("', '", names) + "'";
    }

    private static void unknown(Consumer<String> warn, Object value, Loc loc, String where) {
        if (!(value instanceof String name) || Templar.isTemplate(name) || ConnectionTypes.isKnown(name)) return;
        warn.accept(SourceException.render(ConnectionTypes.unknown(name), loc, where).substring("ERROR! ".length()));
    }
}
