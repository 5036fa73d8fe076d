package dev.jplay.inventory;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.YamlMap;
import dev.jplay.template.Scope;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Ansible's {@code constructed} inventory plugin (a YAML source with {@code plugin: constructed}): over the hosts the
 * earlier sources loaded, {@code compose} sets host variables from Jinja2 expressions, {@code groups} adds a host to
 * each group whose condition holds, and {@code keyed_groups} adds it to groups named after a variable's value
 * ({@code prefix}, {@code separator}, {@code default_value}, {@code trailing_separator}, {@code parent_group},
 * {@code leading_separator}); the names it makes have each invalid character replaced with {@code _}. An expression that fails skips its entry, unless {@code strict}. The variables are each
 * host's group and host variables as the sources gave them (with {@code use_vars_plugins}, also those of the
 * {@code group_vars/} and {@code host_vars/} beside the sources read so far), and its magic names.
 */
final class Constructed {
    private static final Set<String> OPTIONS = Set.of("plugin", "strict", "compose", "groups", "keyed_groups",
            "leading_separator", "use_vars_plugins", "use_extra_vars");

    /**
     * Vars of the {@code group_vars/} or {@code host_vars/} directories beside the sources read so far: (kind, name)
     * → vars, kind being {@code group_vars} or {@code host_vars}.
     */
    interface DirVars extends BiFunction<String, String, Map<String, Object>> {}

    private final YamlMap config;
    private final String file;
    private final Builder b;
    private final Templar templar;
    private final boolean strict;

    private Constructed(YamlMap config, String file, Builder b, Consumer<String> warn) {
        this.config = config;
        this.file = file;
        this.b = b;
        this.templar = new Templar(warn);
        this.strict = flag("strict", false);
    }

    /** Is this parsed YAML source a plugin configuration ({@code plugin: NAME}) for the constructed plugin? */
    static boolean handles(Object plugin) {
        String name = plugin == null ? "" : Py.str(plugin);
        return name.equals("constructed") || name.equals("ansible.builtin.constructed");
    }

    /** Applies the configuration to the hosts in {@code b}; errors are {@link SourceException}s (the source fails). */
    static void apply(YamlMap config, String file, Builder b, DirVars dirVars, Consumer<String> warn) {
        for (String k : config.keySet()) {
            if (!OPTIONS.contains(k)) warn.accept("Ignoring unknown option '" + k + "' of the constructed inventory plugin in " + file + " (as Ansible does)");
        }
        Constructed c = new Constructed(config, file, b, warn);
        if (c.flag("use_extra_vars", false)) {
            throw new SourceException("jplay's constructed inventory plugin does not merge extra vars (use_extra_vars)", config.keyLoc("use_extra_vars"),
                    "set the variables in the inventory instead");
        }
        c.run(c.flag("use_vars_plugins", false) ? dirVars : (kind, name) -> Map.of());
    }

    private void run(DirVars dirVars) {
        Map<?, ?> compose = mapping("compose");
        Map<?, ?> groups = mapping("groups");
        List<?> keyed = list("keyed_groups");
        Inventory.Derived before = new Inventory.Derived(b.snapshot());
        for (String host : b.hostNames()) {
            Map<String, Object> vars = hostVars(host, before, dirVars);
            for (var e : compose.entrySet()) {
                String name = Py.str(e.getKey());
                Object value;
                try {
                    value = compose(e.getValue(), vars);
                } catch (SourceException ex) {
                    if (strict) throw fail("Could not set " + name + " for host " + host + ": " + ex.getMessage(), "compose");
                    continue;
                }
                b.hosts.get(host).vars.put(name, value);
            }
            vars = hostVars(host, before, dirVars);
            for (var e : groups.entrySet()) composedGroup(host, Py.str(e.getKey()), e.getValue(), vars);
            for (Object entry : keyed) keyedGroups(host, entry, vars);
        }
    }

    /** The variables a host's expressions see: group vars (lowest group first), host vars, magic names. */
    private Map<String, Object> hostVars(String host, Inventory.Derived derived, DirVars dirVars) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        for (Group g : derived.groupsFor(host)) {
            vars.putAll(g.vars());
            vars.putAll(dirVars.apply("group_vars", g.name()));
            if (!g.name().equals("all")) names.add(g.name());
        }
        vars.putAll(b.hosts.get(host).vars);
        vars.putAll(dirVars.apply("host_vars", host));
        vars.put("inventory_hostname", host);
        vars.put("inventory_hostname_short", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        vars.put("group_names", List.copyOf(names));
        return vars;
    }

    /** Ansible's _compose: the expression templated as {@code {{EXPR}}} over the host's variables. */
    private Object compose(Object expression, Map<String, Object> vars) {
        return template("{{" + Py.str(expression) + "}}", vars);
    }

    private Object template(String text, Map<String, Object> vars) {
        Map<String, Object> seen = new LinkedHashMap<>();
        TemplateContext[] ctx = new TemplateContext[1];
        // variables are templated when read, as Ansible's templar does with its available variables
        Scope scope = new Scope() {
            @Override
            public Object get(String name) {
                if (!vars.containsKey(name)) return Scope.of(vars).get(name);
                if (seen.containsKey(name)) return seen.get(name);
                Object v = templar.template(vars.get(name), ctx[0]);
                seen.put(name, v);
                return v;
            }

            @Override
            public Set<String> names() {
                return vars.keySet();
            }
        };
        ctx[0] = new TemplateContext(scope, List.of(), Loc.of(file));
        return templar.template(text, ctx[0]);
    }

    private void composedGroup(String host, String group, Object condition, Map<String, Object> vars) {
        boolean in;
        try {
            in = truth(template("{% if " + Py.str(condition) + " %} True {% else %} False {% endif %}", vars));
        } catch (SourceException ex) {
            if (strict) throw fail("Could not add host " + host + " to group " + group + ": " + ex.getMessage(), "groups");
            return;
        }
        if (in) b.host(host, GroupNames.forced(group), null, null);
    }

    private void keyedGroups(String host, Object entry, Map<String, Object> vars) {
        if (!(entry instanceof Map<?, ?> keyed) || keyed.isEmpty()) {
            throw fail("Invalid keyed group entry, it must be a dictionary: " + Py.str(entry) + " ", "keyed_groups");
        }
        Object key;
        try {
            key = compose(keyed.get("key"), vars);
        } catch (SourceException ex) {
            if (strict) throw fail("Could not generate group for host " + host + " from " + Py.str(keyed.get("key")) + " entry: " + ex.getMessage(), "keyed_groups");
            return;
        }
        Object defaultValue = keyed.get("default_value");
        Object trailing = keyed.get("trailing_separator");
        if (trailing != null && defaultValue != null) {
            throw fail("parameters are mutually exclusive for keyed groups: default_value|trailing_separator", "keyed_groups");
        }
        boolean empty = key == null || Boolean.FALSE.equals(key) || "".equals(key) || key instanceof Map<?, ?> m && m.isEmpty()
                || key instanceof List<?> l && l.isEmpty() || key instanceof Number n && n.doubleValue() == 0;
        if (empty && !("".equals(key) && defaultValue != null)) {
            if (strict && !(key instanceof Map || key instanceof List)) {
                throw fail("No key or key resulted empty for " + Py.str(keyed.get("key")) + " in host " + host + ", invalid entry", "keyed_groups");
            }
            return;
        }
        String prefix = keyed.containsKey("prefix") ? Py.str(keyed.get("prefix")) : "";
        String sep = keyed.containsKey("separator") ? Py.str(keyed.get("separator")) : "_";
        String parent = null;
        Object rawParent = keyed.get("parent_group");
        if (rawParent != null && !"".equals(rawParent)) {
            try {
                parent = Py.str(template(Py.str(rawParent), vars));
            } catch (SourceException ex) {
                if (strict) throw fail("Could not generate parent group " + Py.str(rawParent) + " for group " + Py.str(key) + ": " + ex.getMessage(), "keyed_groups");
                return;
            }
        }
        List<String> names = new ArrayList<>();
        if (key instanceof CharSequence) {
            names.add("".equals(key.toString()) ? Py.str(defaultValue) : key.toString());
        } else if (key instanceof List<?> items) {
            for (Object item : items) names.add("".equals(item) && defaultValue != null ? Py.str(defaultValue) : Py.str(item));
        } else if (key instanceof Map<?, ?> pairs) {
            for (var e : pairs.entrySet()) {
                String bare = Py.str(e.getKey()) + sep + Py.str(e.getValue());
                if ("".equals(e.getValue())) {
                    if (defaultValue != null) bare = Py.str(e.getKey()) + sep + Py.str(defaultValue);
                    else if (Boolean.FALSE.equals(trailing)) bare = Py.str(e.getKey());
                }
                names.add(bare);
            }
        } else {
            throw fail("Invalid group name format, expected a string or a list of them or dictionary, got: <class '" + pyType(key) + "'>", "keyed_groups");
        }
        if (prefix.isEmpty() && !flag("leading_separator", true)) sep = "";
        for (String bare : names) {
            String group = b.group(GroupNames.forced(prefix + sep + bare)).name;
            b.host(host, group, null, null);
            if (parent != null) b.group(GroupNames.forced(parent)).children.add(group);
        }
    }

    private static String pyType(Object v) {
        if (v instanceof Boolean) return "bool";
        if (v instanceof Double) return "float";
        if (v instanceof Number) return "int";
        return v.getClass().getSimpleName();
    }

    /** Ansible's boolean() of a templated condition: true, "True", "yes", "on", "1" ... (case and spaces aside). */
    private static boolean truth(Object v) {
        if (v instanceof Boolean bool) return bool;
        String s = Py.str(v).strip().toLowerCase(Locale.ROOT);
        return Set.of("y", "yes", "on", "1", "true", "t", "1.0").contains(s);
    }

    private boolean flag(String option, boolean dflt) {
        Object v = config.get(option);
        if (v == null) return dflt;
        if (v instanceof Boolean bool) return bool;
        String s = Py.str(v).strip().toLowerCase(Locale.ROOT);
        if (Set.of("y", "yes", "on", "1", "true", "t", "1.0").contains(s)) return true;
        if (Set.of("n", "no", "off", "0", "false", "f", "0.0").contains(s)) return false;
        throw new SourceException("Invalid value for option '" + option + "' of the constructed inventory plugin: " + Py.str(v)
                + " is not a valid boolean", config.valueLoc(option));
    }

    private Map<?, ?> mapping(String option) {
        Object v = config.get(option);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw new SourceException("option '" + option + "' of the constructed inventory plugin must be a dictionary", config.valueLoc(option));
        return m;
    }

    private List<?> list(String option) {
        Object v = config.get(option);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw new SourceException("option '" + option + "' of the constructed inventory plugin must be a list", config.valueLoc(option));
        return l;
    }

    /** The source's failure, as Ansible words it: "failed to parse FILE: MESSAGE". */
    private SourceException fail(String message, String option) {
        return new SourceException("failed to parse " + file + ": " + message, config.keyLoc(option));
    }
}
