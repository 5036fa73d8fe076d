package dev.jplay.vars;

import dev.jplay.playbook.Play;
import dev.jplay.playbook.Role;
import dev.jplay.playbook.RoleContext;
import dev.jplay.playbook.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of one play, and the scope of each task on each host in Ansible's precedence order (highest
 * first): magic, extra vars, include params, role params, set_fact/register, include_vars, task and block vars,
 * role vars, vars_files, vars_prompt, play vars, facts, inventory (host_vars over group_vars over all), role
 * defaults. See docs/variables.md.
 */
public final class PlayVars {
    private final RunVars run;
    private final Play play;
    private final Map<String, Object> prompted = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> varsFiles = new ConcurrentHashMap<>();
    private volatile PlayRoles roles;
    private volatile Map<String, Object> playMagic = Map.of();

    public PlayVars(RunVars run, Play play) {
        this.run = run;
        this.play = play;
        this.roles = PlayRoles.of(play.playRoles());
        setHosts(List.of(), List.of());
    }

    /** A role made public at run time ({@code include_role} with {@code public: true}): the whole play sees its vars. */
    public synchronized void addPublicRole(Role role) {
        List<Role> all = new ArrayList<>(roles.roles());
        all.add(role);
        roles = PlayRoles.of(all);
    }

    public RunVars run() {
        return run;
    }

    /** Records the play's hosts and the current batch ({@code ansible_play_hosts}, {@code ansible_play_batch} ...). */
    public void setHosts(List<String> allHosts, List<String> batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ansible_play_hosts_all", List.copyOf(allHosts));
        m.put("ansible_play_hosts", List.copyOf(batch));
        m.put("play_hosts", List.copyOf(batch));
        m.put("ansible_play_batch", List.copyOf(batch));
        m.put("ansible_play_name", play.name() == null ? String.valueOf(play.hosts()) : String.valueOf(play.name()));
        m.put("playbook_dir", play.file().getParent().toString());
        playMagic = m;
    }

    /** Hosts that are still in the play and in its batch (updated as hosts fail), for {@code ansible_play_hosts} and {@code ansible_play_batch}. */
    public void setActiveHosts(List<String> active, List<String> activeBatch) {
        Map<String, Object> m = new LinkedHashMap<>(playMagic);
        m.put("ansible_play_hosts", List.copyOf(active));
        m.put("play_hosts", List.copyOf(activeBatch));
        m.put("ansible_play_batch", List.copyOf(activeBatch));
        playMagic = m;
    }

    public void setPrompted(Map<String, Object> values) {
        prompted.putAll(values);
    }

    public void setVarsFiles(String host, Map<String, Object> values) {
        varsFiles.put(host, values);
    }

    /** Play-level variables without any host: for play names, {@code hosts:}, task banners. */
    public VarScope playScope() {
        PlayRoles r = roles;
        return new VarScope(List.of(
                Layer.untrusted("play magic", playMagic),
                Layer.untrusted("inventory magic", run.inventoryMagic()),
                Layer.untrusted("play role names", r.names()),
                Layer.untrusted("run magic", run.runMagic()),
                Layer.trusted("extra vars", run.extraVars()),
                Layer.trusted("role vars", r.vars()),
                Layer.untrusted("vars_prompt", prompted),
                Layer.trusted("play vars", play.vars()),
                Layer.trusted("role defaults", r.defaults())), run.templar(), List.of(play.dir()), run.vault());
    }

    /** The scope of {@code task} (null: play level) on {@code host}. */
    public VarScope scope(String host, Task task, List<Path> searchPaths) {
        HostState s = run.state(host);
        RoleContext role = task == null ? null : task.role();
        PlayRoles r = roles;
        List<Layer> l = new ArrayList<>(21);
        if (role != null) l.add(Layer.untrusted("role magic", roleMagic(role)));
        l.add(Layer.untrusted("host magic", run.hostMagic(host)));
        l.add(Layer.untrusted("play magic", playMagic));
        l.add(Layer.untrusted("play role names", r.names()));
        l.add(Layer.untrusted("run magic", run.runMagic()));
        l.add(Layer.trusted("extra vars", run.extraVars()));
        if (task != null) l.add(Layer.trusted("include params", task.includeParams()));
        if (role != null) l.add(Layer.trusted("role params", role.params()));
        l.add(Layer.untrusted("set_fact/register", s.runtime()));
        l.add(Layer.trusted("include_vars", s.included()));
        if (task != null) l.add(Layer.trusted("task vars", task.vars()));
        if (role != null) l.add(Layer.trusted("role vars", role.vars()));
        l.add(Layer.trusted("play role vars", r.vars()));
        l.add(Layer.trusted("vars_files", varsFiles.getOrDefault(host, Map.of())));
        l.add(Layer.untrusted("vars_prompt", prompted));
        l.add(Layer.trusted("play vars", play.vars()));
        l.add(Layer.untrusted("facts", new FactsView(s.facts())));
        l.add(Layer.trusted("inventory", run.inventoryVars(host)));
        if (role != null) l.add(Layer.trusted("role defaults", role.defaults()));
        l.add(Layer.trusted("play role defaults", r.defaults()));
        return new VarScope(l, run.templar(), searchPaths, run.vault());
    }

    private static Map<String, Object> roleMagic(RoleContext role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role_name", role.name());
        m.put("ansible_role_name", role.name());
        m.put("role_path", role.dir().toString());
        if (role.includers().isEmpty()) return m; // as in Ansible: only set in a role that include_role/import_role reached
        List<String> parents = new ArrayList<>();
        List<String> parentPaths = new ArrayList<>();
        for (int i = role.includers().size() - 1; i >= 0; i--) {
            parents.add(role.includers().get(i).name());
            parentPaths.add(role.includers().get(i).dir().toString());
        }
        m.put("ansible_parent_role_names", parents);
        m.put("ansible_parent_role_paths", parentPaths);
        return m;
    }
}
