package dev.jplay.cli;

import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.Validation;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.YamlMap;
import dev.jplay.template.Templar;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which hosts a run targets before it starts: the {@code --limit}, and whether a play's pattern matches any host. */
final class Targets {
    private final Wiring w;
    private final String limit;
    private final Set<String> allowed;

    Targets(Wiring w, String limit) {
        this.w = w;
        this.limit = limit;
        // as Ansible: a part of the limit that matches nothing is a warning (before the error when nothing is left)
        this.allowed = limit == null ? null : names(w.inventory().select(limit, m -> w.output().on(new dev.jplay.output.Event.Warning(m))));
    }

    /** A {@code --limit} that leaves no host is ansible-playbook's error (exit 1). */
    void checkLimit() {
        if (allowed != null && allowed.isEmpty()) {
            throw new SourceException("Specified inventory, host pattern and/or --limit leaves us with no hosts to target.",
                    Loc.of("--limit " + limit), "the hosts are listed by: jplay inventory --graph", null, Kind.ERROR);
        }
    }

    /** The connection variables of every host a play certainly targets ({@link Validation#hostVariable}). */
    void checkHostVariables(List<Playbook> playbooks) {
        Set<String> checked = new TreeSet<>();
        for (Playbook pb : playbooks) {
            for (Play play : pb.plays()) {
                if (!play.when().isEmpty() || !hasHosts(play)) continue;
                for (Host h : w.inventory().select(w.renderPlayLevel(play.hosts()), x -> { })) {
                    if ((allowed == null || allowed.contains(h.name())) && checked.add(h.name())) checkHost(h);
                }
            }
        }
    }

    private void checkHost(Host h) {
        boolean become = false;
        for (String var : List.of("ansible_become", "ansible_port", "ansible_ssh_port", "ansible_connection", "ansible_become_method")) {
            Located v = effective(h, var);
            if (v == null) continue;
            if (var.equals("ansible_become_method") && !become) continue;
            SourceException p = Validation.hostVariable(var, v.value(), v.at());
            if (p != null) throw p;
            if (var.equals("ansible_become")) become = dev.jplay.modules.ArgConverter.toBool(v.value());
        }
    }

    /** A variable's value where it is written. */
    private record Located(Object value, Loc at) {}

    /** The value a host gets for {@code var}: {@code -e}, then host_vars, then the host's line, then its groups (the closest first). */
    private Located effective(Host h, String var) {
        if (w.extraVars().get(var) != null) return new Located(w.extraVars().get(var), w.extraVarAt(var));
        if (h.dirVars().get(var) != null) return new Located(h.dirVars().get(var), YamlMap.locOf(h.dirVars(), var, h.loc()));
        if (h.vars().get(var) != null) return new Located(h.vars().get(var), YamlMap.locOf(h.vars(), var, h.loc()));
        List<Group> groups = new java.util.ArrayList<>(w.inventory().groupsFor(h));
        java.util.Collections.reverse(groups);
        for (Group g : groups) {
            for (java.util.Map<String, Object> m : List.of(g.dirVars(), g.vars())) {
                if (m.get(var) != null) return new Located(m.get(var), YamlMap.locOf(m, var, h.loc()));
            }
        }
        return null;
    }

    /** Does the play's (rendered) pattern match a host the run may target? False when that is unknown before the run. */
    boolean hasHosts(Play play) {
        String pattern = w.renderPlayLevel(play.hosts());
        if (Templar.isTemplate(pattern)) return false;
        try {
            List<Host> hosts = w.inventory().select(pattern, x -> { });
            return hosts.stream().anyMatch(h -> allowed == null || allowed.contains(h.name()));
        } catch (SourceException e) {
            return false;
        }
    }

    private static Set<String> names(List<Host> hosts) {
        Set<String> s = new TreeSet<>();
        hosts.forEach(h -> s.add(h.name()));
        return s;
    }
}
