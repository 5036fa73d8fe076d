package dev.jplay.modules.commands;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code setup} (and {@code gather_facts}): facts from one shell script, one round trip, no Python on the host.
 * Returns Ansible's fact names and shapes under {@code ansible_facts} (with the {@code ansible_} prefix, as the
 * setup module prints them; the executor injects them as variables).
 */
public final class Setup implements Module {
    private static final Set<String> MIN = Set.of("apparmor", "date_time", "distribution", "dns", "env", "lsb", "pkg_mgr",
            "platform", "selinux", "service_mgr", "user");
    private static final ModuleSpec SPEC = ModuleSpec.builder("setup")
            .doc("Gathers facts about remote hosts", "Runs one POSIX shell script on the host (no Python needed) and returns "
                    + "distribution, kernel, network, memory, CPU, user, date/time, environment and service manager facts.")
            .param(Param.of("gather_subset").list(ParamType.STR).def(List.of("all"))
                    .doc("Subsets: all, min, network, hardware, virtual (prefix ! to exclude)."))
            .param(Param.of("filter").list(ParamType.STR).def(List.of()).doc("Only facts whose names match these globs."))
            .param(Param.of("gather_timeout").integer().def(10L).doc("Accepted; the script is bounded by the task timeout."))
            .param(Param.of("fact_path").path().doc("Accepted; local facts are not gathered."))
            .returns("ansible_facts", "the facts", "always")
            .example("- ansible.builtin.setup:\n    gather_subset: [min, network]")
            .performance("1 round trip")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ExecResult r = ctx.exec(ExecRequest.of(FactsScript.SCRIPT));
        if (!r.ok() && r.out().isEmpty()) return ModuleResult.failed("fact gathering failed: " + r.err().strip());
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) raw.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        Map<String, Object> facts = Facts.build(raw);
        Set<String> groups = subsets(a.strings("gather_subset"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : facts.entrySet()) {
            String group = Facts.group(e.getKey(), e.getValue());
            if (!groups.contains(group)) continue;
            if (!matches(e.getKey(), a.strings("filter"))) continue;
            out.put(e.getKey(), e.getValue());
        }
        out.put("ansible_gather_subset", a.strings("gather_subset"));
        out.put("module_setup", true);
        return ModuleResult.ok().put("ansible_facts", out);
    }

    private static Set<String> subsets(List<String> requested) {
        Set<String> on = new java.util.HashSet<>(MIN);
        on.add("min");
        for (String s : requested) {
            String n = s.strip();
            boolean neg = n.startsWith("!");
            if (neg) n = n.substring(1);
            List<String> names = n.equals("all") ? List.of("network", "hardware", "virtual") : List.of(n);
            if (neg) {
                if (!n.equals("min")) names.forEach(on::remove);
            } else {
                on.addAll(names);
            }
        }
        return on;
    }

    private static boolean matches(String key, List<String> filters) {
        if (filters.isEmpty()) return true;
        for (String f : filters) {
            String re = f.replace(".", "\\.").replace("*", ".*").replace("?", ".");
            if (Pattern.matches(re, key) || Pattern.matches(re, key.replaceFirst("^ansible_", ""))) return true;
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
