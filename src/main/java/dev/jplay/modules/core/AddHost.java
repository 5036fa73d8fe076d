package dev.jplay.modules.core;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code add_host}: adds a host (and groups) to the in-memory inventory; the executor applies {@code add_host}. */
public final class AddHost implements Module {
    private static final Set<String> SPECIAL = Set.of("name", "hostname", "host", "groupname", "groups", "group");
    private static final ModuleSpec SPEC = ModuleSpec.builder("add_host")
            .doc("Add a host (and alternatively a group) to the ansible-playbook in-memory inventory",
                    "Other parameters become host variables of the new host.")
            .acceptsAnyArgs()
            .param(Param.of("name").str().required().aliases("host", "hostname").doc("The host name (host:port allowed)."))
            .param(Param.of("groups").list(null).aliases("group", "groupname").doc("Groups to add the host to."))
            .returns("add_host", "host_name, groups and host_vars", "always")
            .example("- ansible.builtin.add_host:\n    name: \"{{ new_ip }}\"\n    groups: just_created\n    k8s_role: node")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> a = new LinkedHashMap<>();
        Object raw = args.all().get("_raw_params"); // add_host: "{{ host_dict }}": the mapping under the other arguments
        if (raw instanceof Map<?, ?> m) m.forEach((k, v) -> a.put(Py.str(k), v));
        else if (raw != null) {
            return ModuleResult.failed("Invalid raw parameters passed, requires a dictonary/mapping got a  <class '"
                    + ArgConverter.typeName(raw) + "'>");
        }
        args.all().forEach((k, v) -> {
            if (!k.equals("_raw_params")) a.put(k, v);
        });
        Object n = a.get("name") != null ? a.get("name") : a.get("hostname") != null ? a.get("hostname") : a.get("host");
        if (n == null) return ModuleResult.failed("name, host or hostname needs to be provided");
        String name = Py.str(n);
        Map<String, Object> hostVars = new LinkedHashMap<>();
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d+")) {
            hostVars.put("ansible_ssh_port", Long.parseLong(name.substring(colon + 1)));
            name = name.substring(0, colon);
        }
        Object g = a.get("groupname") != null ? a.get("groupname") : a.get("groups") != null ? a.get("groups") : a.get("group");
        List<String> groups = new ArrayList<>();
        for (Object x : g instanceof List<?> l ? l : g == null ? List.of() : List.of(Py.str(g).split(","))) {
            String s = Py.str(x).strip();
            if (!s.isEmpty() && !groups.contains(s)) groups.add(s);
        }
        a.forEach((k, v) -> {
            if (!SPECIAL.contains(k)) hostVars.put(k, v);
        });
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("host_name", name);
        add.put("groups", groups);
        add.put("host_vars", hostVars);
        return ModuleResult.ok().put("add_host", add);
    }
}
