package dev.jplay.cli;

import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.inventory.Group;
import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.source.Decrypter;
import dev.jplay.vars.RunVars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay inventory --list | --graph [GROUP] | --host HOST}: the inventory as ansible-inventory shows it. */
@Command(name = "inventory", sortOptions = false,
        customSynopsis = "jplay inventory [options] (--list | --host HOST | --graph [GROUP])", description = "Show the inventory as jplay reads it (like 'ansible-inventory').")
public final class InventoryCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INVENTORY", description = "Inventory source (repeatable).")
    List<String> inventory = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET", description = "Only hosts matching this pattern.")
    String limit;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--list", description = "All groups and hosts with their variables (JSON).")
        boolean list;

        @Option(names = "--graph", description = "The group tree.")
        boolean graph;

        @Option(names = "--host", paramLabel = "HOST", description = "The variables of one host.")
        String host;
    }

    @Parameters(arity = "0..1", paramLabel = "GROUP", description = "With --graph: the group to start from (default all).")
    String group;

    @Option(names = "--vars", description = "With --graph: show variables too.")
    boolean vars;

    @Option(names = {"-y", "--yaml"}, description = "YAML instead of JSON.")
    boolean yaml;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    VaultOptions vault = new VaultOptions();

    private Inventory inv;
    private RunVars runVars;
    private Set<String> shown;

    @Override
    public Integer call() {
        Path cwd = Path.of("").toAbsolutePath();
        Settings s = Settings.load(System.getenv(), cwd);
        Consumer<String> warn = w -> System.err.println("[WARNING]: " + w);
        // vaulted files are decrypted; inline !vault values stay encrypted in the output, as in ansible-inventory
        inv = Inventory.load(inventory.isEmpty() ? s.inventory() : inventory, cwd, new Inventory.Setup(warn, (level, m) -> { }, s.inventoryPlugins(),
                s.string("TRANSFORM_INVALID_GROUP_CHARS")),
                VaultSecrets.load(vault, s, cwd, warn));
        runVars = new RunVars(inv, null, Map.of(), Map.of(), null, Decrypter.NONE);
        shown = new LinkedHashSet<>();
        for (Host h : limit == null ? inv.hosts() : inv.select(limit, w -> { })) shown.add(h.name());
        if (action.host != null) {
            if (inv.host(action.host) == null) {
                System.err.println("ERROR! You must pass a single valid host to --host parameter");
                return ExitCodes.FAILED;
            }
            System.out.println(dump(sorted(runVars.inventoryVars(action.host))));
            return ExitCodes.OK;
        }
        if (action.graph) {
            String start = group == null ? "all" : group;
            if (inv.group(start) == null) {
                System.err.println("ERROR! Either group does not exist or you have passed an invalid option: " + start);
                return ExitCodes.FAILED;
            }
            StringBuilder sb = new StringBuilder();
            graph(inv.group(start), 0, sb);
            System.out.print(sb);
            return ExitCodes.OK;
        }
        System.out.println(yaml ? yamlTree() : Json.write(listing(), Json.Style.RESULT_INDENTED));
        return ExitCodes.OK;
    }

    private String dump(Object v) {
        return yaml ? yamlText(v).stripTrailing() : Json.write(v, Json.Style.RESULT_INDENTED);
    }

    /**
     * The {@code --list} JSON as ansible-inventory builds it: from {@code all} down, each group once with its child
     * groups and direct hosts (empty keys and empty groups left out), keys sorted; {@code _meta.hostvars} for the hosts
     * that have variables.
     */
    private Map<String, Object> listing() {
        Map<String, Object> hostvars = new TreeMap<>();
        for (String h : shown) {
            Map<String, Object> v = sorted(runVars.inventoryVars(h));
            if (!v.isEmpty()) hostvars.put(h, v);
        }
        Map<String, Object> out = new TreeMap<>();
        listGroup(inv.group("all"), out, new java.util.HashSet<>());
        out.put("_meta", Map.of("hostvars", hostvars));
        return out;
    }

    private void listGroup(Group g, Map<String, Object> out, Set<String> seen) {
        Map<String, Object> entry = new TreeMap<>();
        List<String> hosts = g.name().equals("all") ? List.of() : g.hosts().stream().filter(shown::contains).toList();
        List<String> kids = children(g);
        out.put(g.name(), entry);
        for (String k : kids) if (seen.add(k)) listGroup(inv.group(k), out, seen);
        if (!kids.isEmpty()) entry.put("children", kids);
        if (!hosts.isEmpty()) entry.put("hosts", hosts);
        if (entry.isEmpty()) out.remove(g.name());
    }

    /** Child groups in Ansible's order: for {@code all}, {@code ungrouped} first. */
    private List<String> children(Group g) {
        List<String> kids = new ArrayList<>(g.children());
        if (g.name().equals("all") && kids.remove("ungrouped")) kids.add(0, "ungrouped");
        kids.removeIf(k -> inv.group(k) == null);
        return kids;
    }

    private void graph(Group g, int depth, StringBuilder sb) {
        line(sb, depth, "@" + g.name() + ":");
        for (String k : children(g)) graph(inv.group(k), depth + 1, sb);
        for (String h : g.name().equals("all") ? List.<String>of() : g.hosts()) {
            if (!shown.contains(h)) continue;
            line(sb, depth + 1, h);
            if (vars) sorted(runVars.inventoryVars(h)).forEach((k, v) -> line(sb, depth + 2, "{" + k + " = " + Py.str(v) + "}"));
        }
        if (vars) sorted(g.vars()).forEach((k, v) -> line(sb, depth + 1, "{" + k + " = " + Py.str(v) + "}"));
        if (vars) sorted(g.dirVars()).forEach((k, v) -> line(sb, depth + 1, "{" + k + " = " + Py.str(v) + "}"));
    }

    private static void line(StringBuilder sb, int depth, String text) {
        if (depth > 0) sb.append("  |".repeat(depth)).append("--");
        sb.append(text).append('\n');
    }

    /** The {@code --list --yaml} tree: groups nested under {@code all.children}, each host's vars at its first appearance. */
    private String yamlTree() {
        Set<String> seen = new LinkedHashSet<>();
        return yamlText(Map.of("all", yamlGroup(inv.group("all"), seen))).stripTrailing();
    }

    private Map<String, Object> yamlGroup(Group g, Set<String> seen) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> kids = new TreeMap<>();
        for (String k : children(g)) if (!k.equals("all")) kids.put(k, yamlGroup(inv.group(k), seen));
        if (!kids.isEmpty()) out.put("children", kids);
        Map<String, Object> hosts = new TreeMap<>();
        for (String h : g.hosts()) {
            if (!shown.contains(h)) continue;
            hosts.put(h, seen.add(h) ? sorted(runVars.inventoryVars(h)) : Map.of());
        }
        if (!hosts.isEmpty()) out.put("hosts", hosts);
        return out;
    }

    private static Map<String, Object> sorted(Map<String, Object> m) {
        return new TreeMap<>(m);
    }

    private static String yamlText(Object v) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setAllowUnicode(true);
        return new Yaml(o).dump(v);
    }
}
