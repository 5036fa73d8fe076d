package dev.jplay.inventory;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.YamlMap;
import java.util.Map;

/** Ansible's YAML (and JSON) inventory format: {@code all: {hosts, vars, children: {g: {hosts, vars, children}}}}. */
final class YamlSource {
    private YamlSource() {}

    static void parse(Object data, String file, Builder b) {
        if (data == null) return;
        if (!(data instanceof Map<?, ?> top)) throw new SourceException("a YAML inventory must be a mapping of groups", Loc.of(file));
        if (top.get("plugin") != null) {
            // Ansible's auto plugin hands such a file to the inventory plugin it names (constructed, aws_ec2 ...)
            throw new SourceException("Plugin configuration YAML file, not YAML inventory: jplay has no inventory plugin '"
                    + Py.str(top.get("plugin")) + "'", locOf(top, "plugin", file), "jplay reads INI, YAML and JSON inventories and host lists");
        }
        for (var e : top.entrySet()) group(String.valueOf(e.getKey()), e.getValue(), file, b, locOf(top, e.getKey(), file));
    }

    private static Loc locOf(Map<?, ?> m, Object key, String file) {
        return m instanceof YamlMap ym ? ym.keyLoc(String.valueOf(key)) : Loc.of(file);
    }

    private static void group(String name, Object body, String file, Builder b, Loc loc) {
        Builder.G g = b.group(name);
        if (body == null) return;
        if (!(body instanceof Map<?, ?> m)) throw new SourceException("group '" + name + "' must be a mapping with hosts, vars or children", loc);
        for (var e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            Loc at = locOf(m, k, file);
            switch (k) {
                case "hosts" -> hosts(name, e.getValue(), file, b, at);
                case "vars" -> {
                    if (e.getValue() == null) continue;
                    if (!(e.getValue() instanceof Map<?, ?> vars)) throw new SourceException("vars of group '" + name + "' must be a mapping", at);
                    vars.forEach((vk, vv) -> g.vars.put(String.valueOf(vk), vv));
                }
                case "children" -> {
                    if (e.getValue() == null) continue;
                    if (!(e.getValue() instanceof Map<?, ?> children)) throw new SourceException("children of '" + name + "' must be a mapping", at);
                    for (var c : children.entrySet()) {
                        String child = String.valueOf(c.getKey());
                        group(child, c.getValue(), file, b, locOf(children, child, file));
                        g.children.add(b.group(child).name);
                    }
                }
                default -> throw new SourceException("invalid key '" + k + "' in group '" + name + "'", at,
                        "groups take 'hosts', 'vars' and 'children'");
            }
        }
    }

    private static void hosts(String group, Object hosts, String file, Builder b, Loc loc) {
        if (hosts == null) return;
        if (!(hosts instanceof Map<?, ?> m)) throw new SourceException("hosts of '" + group + "' must be a mapping of host names", loc,
                "write  hosts:\\n    web1:\\n    web2:  (a mapping, not a list)");
        for (var e : m.entrySet()) {
            String pattern = Py.str(e.getKey());
            Loc at = locOf(m, e.getKey(), file);
            if (m instanceof YamlMap ym && !ym.textKey(pattern)) {
                throw new SourceException("Host pattern " + pattern + " must be a string. Enclose integers/floats in quotation marks.", at);
            }
            for (String name : Ranges.expand(pattern)) {
                Builder.H h = b.host(name, group, at, file);
                if (e.getValue() instanceof Map<?, ?> vars) vars.forEach((k, v) -> h.vars.put(String.valueOf(k), v));
                else if (e.getValue() != null) throw new SourceException("host '" + name + "' vars must be a mapping", at);
            }
        }
    }
}
