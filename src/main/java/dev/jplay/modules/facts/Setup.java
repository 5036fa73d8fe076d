package dev.jplay.modules.facts;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.data.Py;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code setup}: Ansible's facts from one shell script, one round trip, no Python needed on the host. Returns
 * Ansible's fact names and types under {@code ansible_facts} (with the {@code ansible_} prefix, as the setup module
 * prints them; the executor injects them as variables), limited by {@code gather_subset} and {@code filter}, with
 * {@code ansible_local} from {@code fact_path}.
 */
public final class Setup implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("setup")
            .doc("Gathers facts about remote hosts", "Runs one POSIX shell script on the host (no Python needed) and returns "
                    + "Ansible's facts: platform, distribution, user, date/time, environment, DNS, security, kernel command line, SSH host "
                    + "keys, memory, CPU, DMI, block devices, mounts, network interfaces, virtualization, local facts (and the Python "
                    + "facts when the host has python3).")
            .param(Param.of("gather_subset").list(ParamType.STR).def(List.of("all"))
                    .doc("Subsets: all, min, hardware, network, virtual, or collector names (dmi, mounts, devices, dns ...); prefix ! to exclude."))
            .param(Param.of("filter").list(ParamType.STR).def(List.of()).doc("Only facts whose names (with the ansible_ prefix) match these shell-style globs."))
            .param(Param.of("gather_timeout").integer().def(10L).doc("Seconds; the whole script is bounded by three times this."))
            .param(Param.of("fact_path").path().def("/etc/ansible/facts.d").doc("Directory of *.fact files (JSON, INI, or executables printing JSON) for ansible_local."))
            .returns("ansible_facts", "the facts", "always")
            .example("- ansible.builtin.setup:\n    gather_subset: [min, network]\n    filter: ['ansible_default_ip*']")
            .performance("1 round trip")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        Set<String> collectors;
        try {
            collectors = Subsets.resolve(a.strings("gather_subset"));
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        String script = "set -- " + Py.shellQuote(a.str("fact_path", "/etc/ansible/facts.d")) + "\n" + FactsScript.SCRIPT;
        ExecRequest req = ExecRequest.of(script);
        if (ctx.timeout() == null) req = req.withTimeout(Duration.ofSeconds(3 * a.integer("gather_timeout", 10)));
        ExecResult r = ctx.exec(req);
        if (!r.ok() && r.out().isEmpty()) return ModuleResult.failed("fact gathering failed: " + r.err().strip());
        RawFacts raw = RawFacts.parse(r.out());
        FactSet facts = gather(raw);
        Map<String, Object> out = new TreeMap<>();
        List<String> filters = a.strings("filter");
        for (var e : facts.values().entrySet()) {
            if (!collectors.contains(facts.collector(e.getKey()))) continue;
            if (!matches(e.getKey(), filters)) continue;
            out.put(e.getKey(), e.getValue());
        }
        if (matches("gather_subset", filters)) out.put("gather_subset", a.strings("gather_subset"));
        if (matches("module_setup", filters)) out.put("module_setup", true);
        if (!raw.one("python_path").isEmpty()) out.put("discovered_interpreter_python", raw.one("python_path"));
        return ModuleResult.ok().put("ansible_facts", out);
    }

    /** Every fact the raw output gives, before subsets and filters. */
    static FactSet gather(RawFacts raw) {
        FactSet f = new FactSet();
        PlatformFacts.collect(raw, f);
        SystemFacts.collect(raw, f);
        HardwareFacts.collect(raw, f);
        DeviceFacts.collect(raw, f);
        NetworkFacts.collect(raw, f);
        VirtualFacts.collect(raw, f);
        return f;
    }

    private static boolean matches(String key, List<String> filters) {
        if (filters.isEmpty()) return true;
        for (String f : filters) {
            if (f.isEmpty()) return true;
            String re = Pattern.quote(f).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (Pattern.matches(re, key)) return true;
        }
        return false;
    }
}
