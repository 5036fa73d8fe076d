package dev.jplay.vars;

import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.inventory.VarsDir;
import dev.jplay.source.Decrypter;
import dev.jplay.template.Templar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of a whole run that do not depend on the play: inventory variables (merged per host in Ansible's
 * order, with {@code group_vars/} and {@code host_vars/} beside the inventory and beside the playbook), extra
 * vars, run-wide magic variables, and each host's {@link HostState}. Thread-safe.
 */
public final class RunVars {
    private final Inventory inventory;
    private final Path playbookDir;
    private final Map<String, Object> extraVars;
    private final Map<String, Object> runMagic;
    private final Templar templar;
    private final Decrypter vault;
    private final Map<String, HostState> states;
    private final Map<String, Map<String, Object>> inventoryCache = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> playbookGroupVars = new ConcurrentHashMap<>();

    public RunVars(Inventory inventory, Path playbookDir, Map<String, Object> extraVars, Map<String, Object> runMagic,
                   Templar templar, Decrypter vault) {
        this(inventory, playbookDir, extraVars, runMagic, templar, vault, new ConcurrentHashMap<>());
    }

    /**
     * Run variables whose hosts' {@link HostState}s (facts, set_fact, register) live in {@code states}: the console
     * passes the same concurrent map to each command's run, so what one command learns the next one sees.
     */
    public RunVars(Inventory inventory, Path playbookDir, Map<String, Object> extraVars, Map<String, Object> runMagic,
                   Templar templar, Decrypter vault, Map<String, HostState> states) {
        this.states = states;
        this.inventory = inventory;
        this.playbookDir = playbookDir;
        this.extraVars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        this.runMagic = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runMagic));
        this.templar = templar;
        this.vault = vault;
    }

    public Inventory inventory() {
        return inventory;
    }

    public Templar templar() {
        return templar;
    }

    public Decrypter vault() {
        return vault;
    }

    public Map<String, Object> extraVars() {
        return extraVars;
    }

    public Map<String, Object> runMagic() {
        return runMagic;
    }

    public Path playbookDir() {
        return playbookDir;
    }

    public HostState state(String host) {
        return states.computeIfAbsent(host, h -> new HostState());
    }

    /** {@code meta: refresh_inventory}: loads the inventory sources again (keeping add_host/group_by changes). */
    public void refreshInventory() {
        inventory.refresh();
        inventoryCache.clear();
    }

    /** Forget merged inventory variables after {@code add_host}/{@code group_by} changed the inventory. */
    public void inventoryChanged() {
        inventoryCache.clear();
    }

    /** The host's inventory-level variables, merged lowest to highest as Ansible does. */
    public Map<String, Object> inventoryVars(String hostName) {
        return inventoryCache.computeIfAbsent(hostName, this::mergeInventory);
    }

    private Map<String, Object> mergeInventory(String hostName) {
        Host h = inventory.host(hostName);
        Map<String, Object> m = new LinkedHashMap<>();
        if (h == null) return m;
        List<Group> groups = inventory.groupsFor(h);
        List<Group> others = new ArrayList<>(groups);
        others.removeIf(g -> g.name().equals("all"));
        Group all = groups.stream().filter(g -> g.name().equals("all")).findFirst().orElse(null);
        if (all != null) m.putAll(all.vars());
        for (Group g : others) m.putAll(g.vars());
        if (all != null) m.putAll(all.dirVars());
        m.putAll(playbookGroupVars("all"));
        for (Group g : others) m.putAll(g.dirVars());
        for (Group g : others) m.putAll(playbookGroupVars(g.name()));
        m.putAll(h.vars());
        m.putAll(h.dirVars());
        if (playbookDir != null) m.putAll(VarsDir.load(playbookDir.resolve("host_vars"), h.name(), vault));
        return m;
    }

    private Map<String, Object> playbookGroupVars(String group) {
        if (playbookDir == null) return Map.of();
        return playbookGroupVars.computeIfAbsent(group, g -> VarsDir.load(playbookDir.resolve("group_vars"), g, vault));
    }

    /** The magic variables about the inventory that need no host: {@code groups} and {@code hostvars}. */
    public Map<String, Object> inventoryMagic() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groups", inventory.groupsVar());
        m.put("hostvars", new HostVarsView(this));
        return m;
    }

    /** Magic variables about a host: inventory_hostname, group_names, groups, hostvars, inventory_dir ... */
    public Map<String, Object> hostMagic(String hostName) {
        Map<String, Object> m = new LinkedHashMap<>();
        Host h = inventory.host(hostName);
        m.put("inventory_hostname", hostName);
        m.put("inventory_hostname_short", h != null ? h.shortName() : hostName.split("\\.")[0]);
        m.put("group_names", h != null ? inventory.groupNames(h) : List.of());
        m.putAll(inventoryMagic());
        if (h != null && h.source() != null) {
            Path src = Path.of(h.source()).toAbsolutePath();
            m.put("inventory_file", src.toString());
            m.put("inventory_dir", (src.toFile().isDirectory() ? src : src.getParent()).toString());
        }
        return m;
    }

    /**
     * What {@code hostvars[host]} shows: the host's magic, extra vars, set_fact/register, include_vars, facts and
     * inventory variables (no play or role variables, as in Ansible).
     */
    public VarScope hostScope(String hostName) {
        return hostScope(hostName, hostMagic(hostName));
    }

    /**
     * The scope {@code hostvars[host]} reads: {@link #hostScope} without {@code hostvars} itself, as Ansible's
     * HostVars asks for a host's variables with include_hostvars=False (a dump of it would otherwise contain itself).
     */
    VarScope hostVarsScope(String hostName) {
        Map<String, Object> magic = hostMagic(hostName);
        magic.remove("hostvars");
        return hostScope(hostName, magic);
    }

    private VarScope hostScope(String hostName, Map<String, Object> magic) {
        HostState s = state(hostName);
        List<Layer> layers = List.of(
                Layer.untrusted("magic", magic),
                Layer.untrusted("run magic", runMagic),
                Layer.trusted("extra vars", extraVars),
                Layer.untrusted("set_fact/register", s.runtime()),
                Layer.trusted("include_vars", s.included()),
                Layer.untrusted("facts", new FactsView(s.facts())),
                Layer.trusted("inventory", inventoryVars(hostName)));
        return new VarScope(layers, templar, List.of(), vault);
    }
}
