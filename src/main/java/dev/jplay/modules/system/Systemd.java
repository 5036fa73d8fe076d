package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code systemd} / {@code systemd_service}: starts, stops, restarts, enables and masks units with systemctl.
 * One round trip reads {@code systemctl show} and {@code is-enabled} (after daemon-reload when asked), one applies
 * every needed action. Results carry {@code name}, {@code state}, {@code enabled} and the {@code status} map.
 */
public final class Systemd implements Module {
    private static final String FAIL = "__JPLAY_FAIL__";
    private final ModuleSpec spec = ModuleSpec.builder("systemd_service")
            .fqcn("ansible.builtin.systemd_service", "systemd", "ansible.builtin.systemd")
            .doc("Manage systemd units", "Controls systemd units (services, timers, ...) on the host: state, enablement, "
                    + "masking, daemon-reload and daemon-reexec.")
            .param(Param.of("name").str().aliases("service", "unit").doc("The unit name (no globs)."))
            .param(Param.of("state").str().choices("reloaded", "restarted", "started", "stopped"))
            .param(Param.of("enabled").bool()).param(Param.of("force").bool()).param(Param.of("masked").bool())
            .param(Param.of("daemon_reload").bool().def(false).aliases("daemon-reload"))
            .param(Param.of("daemon_reexec").bool().def(false).aliases("daemon-reexec"))
            .param(Param.of("scope").str().def("system").choices("system", "user", "global"))
            .param(Param.of("no_block").bool().def(false))
            .requiredOneOf("state", "enabled", "masked", "daemon_reload", "daemon_reexec")
            .returns("name", "the unit", "always").returns("state", "the unit's state after the task", "when state is set")
            .returns("enabled", "whether the unit is enabled", "when enabled is set")
            .returns("status", "systemctl show of the unit", "when name is set")
            .performance("1 round trip to read the unit, 1 to change it")
            .example("- ansible.builtin.systemd_service:\n    name: nginx\n    state: started\n    enabled: true")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String unit = a.str("name");
        for (String g : List.of("*", "?", "[")) {
            if (unit != null && unit.contains(g)) {
                return ModuleResult.failed("This module does not currently support using glob patterns, found '" + g
                        + "' in service name: " + unit);
            }
        }
        if (unit == null && (a.has("state") || a.has("enabled") || a.has("masked"))) {
            return ModuleResult.failed("missing parameter(s) required by 'state': name");
        }
        String sc = systemctl(a);
        List<String> probe = new ArrayList<>();
        if (!ctx.check() && a.bool("daemon_reload")) probe.add(sc + " daemon-reload 2>&1");
        if (!ctx.check() && a.bool("daemon_reexec")) probe.add(sc + " daemon-reexec 2>&1");
        if (unit != null) {
            probe.add(sc + " show " + ShellCommand.quote(unit));
            probe.add(sc + " is-enabled " + ShellCommand.quote(unit) + " 2>/dev/null");
        }
        ModuleResult r = ModuleResult.ok().put("name", unit).put("status", Map.of());
        if (probe.isEmpty()) return r;
        List<Probes.Part> parts = Probes.run(ctx, probe.toArray(String[]::new));
        int i = 0;
        for (String what : List.of("daemon_reload", "daemon_reexec")) {
            if (ctx.check() || !a.bool(what)) continue;
            Probes.Part p = parts.get(i++);
            if (!p.ok()) return ModuleResult.failed("failure " + p.rc() + " during " + what.replace('_', '-') + ": " + p.out().strip());
        }
        if (unit == null) return r;
        Map<String, Object> status = parseShow(parts.get(i).lines());
        r.put("status", status);
        Probes.Part isEnabled = parts.get(i + 1);
        return UnitPlan.decide(a, unit, status, isEnabled, r).apply(ctx, sc, unit, r);
    }

    static String systemctl(ModuleArgs a) {
        boolean system = "system".equals(a.str("scope", "system"));
        StringBuilder sb = new StringBuilder(system ? "systemctl" : "XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/run/user/$(id -u)} systemctl");
        if (!system) sb.append(" --").append(a.str("scope"));
        if (a.bool("no_block")) sb.append(" --no-block");
        if (a.bool("force")) sb.append(" --force");
        return sb.toString();
    }

    /** {@code systemctl show} lines → map; multi-line {@code { ... }} values are joined. */
    static Map<String, Object> parseShow(List<String> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = null;
        for (String l : lines) {
            if (key != null) {
                value.append('\n').append(l);
                if (l.strip().endsWith("}")) {
                    m.put(key, value.toString());
                    key = null;
                }
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) continue;
            String k = l.substring(0, eq);
            String v = l.substring(eq + 1);
            if (v.startsWith("{") && !v.strip().endsWith("}")) {
                key = k;
                value = new StringBuilder(v);
            } else {
                m.put(k, v);
            }
        }
        return m;
    }

    /** Runs the actions of a plan as one command; returns the failure of the first one that fails. */
    static ModuleResult runActions(ModuleContext ctx, String sc, String unit, List<String> actions, ModuleResult r)
            throws ConnectionException {
        if (actions.isEmpty() || ctx.check()) return r;
        StringBuilder sb = new StringBuilder();
        for (String act : actions) {
            sb.append(sc).append(' ').append(act).append(' ').append(ShellCommand.quote(unit))
                    .append(" 2>&1 || { echo ").append(FAIL).append(act).append("; exit 1; }; ");
        }
        ExecResult res = ctx.sh(sb.toString());
        if (res.ok()) return r;
        String out = res.out();
        int at = out.lastIndexOf(FAIL);
        String act = at < 0 ? "?" : out.substring(at + FAIL.length()).strip();
        String err = at < 0 ? out + res.err() : out.substring(0, at);
        if (act.equals("enable") || act.equals("disable")) return r.fail("Unable to " + act + " service " + unit + ": " + err);
        if (act.equals("mask") || act.equals("unmask")) return r.fail("Could not find the requested service " + unit + ": host");
        return r.fail("Unable to " + act + " service " + unit + ": " + err);
    }
}
