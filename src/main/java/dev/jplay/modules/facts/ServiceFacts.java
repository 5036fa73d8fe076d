package dev.jplay.modules.facts;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.probes.Probes;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code service_facts}: services as the {@code services} fact: from systemctl where systemd runs (state from the
 * unit's sub-state, status from its unit file), else from {@code service --status-all} (SysV) as Ansible reads it.
 */
public final class ServiceFacts implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("service_facts")
            .doc("Return service state information as fact data", "Returns the fact 'services': each service with its name, state "
                    + "(running, stopped ...), status (enabled, disabled ... for systemd) and source (systemd or sysv).")
            .returns("ansible_facts", "services", "always").performance("1 round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        List3 p = new List3(Probes.run(ctx,
                "[ -d /run/systemd/system ] && systemctl list-units --no-pager --type service --all --plain --no-legend",
                "[ -d /run/systemd/system ] && systemctl list-unit-files --no-pager --type service --plain --no-legend",
                "s=$(command -v service || echo /usr/sbin/service); [ -x \"$s\" ] && \"$s\" --status-all 2>&1"));
        Map<String, Object> services = new TreeMap<>();
        if (p.units().ok()) systemd(p.units().out(), p.files().out(), services);
        else if (p.sysv().ok()) sysv(p.sysv().out(), services);
        else return ModuleResult.ok().put("ansible_facts", Map.of("services", services))
                .put("msg", "Failed to find any services. This can be due to privileges or some other configuration issue.");
        return ModuleResult.ok().put("ansible_facts", Map.of("services", services));
    }

    private record List3(java.util.List<Probes.Part> parts) {
        Probes.Part units() {
            return parts.get(0);
        }

        Probes.Part files() {
            return parts.get(1);
        }

        Probes.Part sysv() {
            return parts.get(2);
        }
    }

    static void systemd(String units, String files, Map<String, Object> out) {
        Map<String, String> status = new TreeMap<>();
        for (String l : files.split("\n")) {
            String[] f = l.strip().split("\\s+");
            if (f.length >= 2 && f[0].endsWith(".service")) status.put(f[0], f[1]);
        }
        for (String l : units.split("\n")) {
            String[] f = l.strip().replaceFirst("^●\\s*", "").split("\\s+");
            if (f.length < 4 || !f[0].endsWith(".service")) continue;
            out.put(f[0], service(f[0], f[3].equals("running") ? "running" : f[3].equals("failed") ? "failed" : "stopped",
                    status.getOrDefault(f[0], "unknown"), "systemd"));
        }
        for (var e : status.entrySet()) {
            if (!out.containsKey(e.getKey()) && !e.getKey().contains("@")) out.put(e.getKey(), service(e.getKey(), "stopped", e.getValue(), "systemd"));
        }
    }

    /** Lines like {@code [ + ]  ssh}: + is running, - stopped, ? (no status command) left out, as Ansible reads them. */
    static void sysv(String text, Map<String, Object> out) {
        for (String l : text.split("\n")) {
            String[] f = l.strip().split("\\s+");
            if (f.length < 4) continue;
            if (!f[1].equals("+") && !f[1].equals("-")) continue;
            String name = String.join(" ", java.util.Arrays.copyOfRange(f, 3, f.length));
            Map<String, Object> s = new TreeMap<>();
            s.put("name", name);
            s.put("source", "sysv");
            s.put("state", f[1].equals("+") ? "running" : "stopped");
            out.put(name, s);
        }
    }

    private static Map<String, Object> service(String name, String state, String status, String source) {
        Map<String, Object> s = new TreeMap<>();
        s.put("name", name);
        s.put("source", source);
        s.put("state", state);
        s.put("status", status);
        return s;
    }
}
