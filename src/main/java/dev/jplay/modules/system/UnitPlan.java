package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What systemctl must do to a unit (mask/unmask, enable/disable, start/stop/restart/reload) given its
 * {@code systemctl show} status and {@code is-enabled} answer, with Ansible's rules: indirect and alias units
 * count as not enabled, restarted/reloaded start a stopped unit, stopped also stops a deactivating unit.
 */
record UnitPlan(List<String> actions, String failure) {
    private static final Set<String> KNOWN = Set.of("enabled", "enabled-runtime", "linked", "linked-runtime", "masked",
            "masked-runtime", "static", "indirect", "disabled", "generated", "transient", "alias");

    static UnitPlan decide(ModuleArgs a, String unit, Map<String, Object> status, Probes.Part isEnabled, ModuleResult r) {
        String load = String.valueOf(status.getOrDefault("LoadState", "not-found"));
        String enabledWord = isEnabled.out().strip();
        boolean found = !load.equals("not-found") || KNOWN.contains(enabledWord);
        String missing = "Could not find the requested service " + unit + ": host";
        List<String> actions = new ArrayList<>();
        if (!found && (a.has("state") || a.has("enabled"))) return new UnitPlan(actions, missing);
        if (found && !load.equals("masked") && status.containsKey("LoadError") && !String.valueOf(status.get("LoadError")).isBlank()
                && !load.equals("loaded")) {
            return new UnitPlan(actions, "Error loading unit file '" + unit + "': " + status.get("LoadError"));
        }
        Boolean masked = a.boolOrNull("masked");
        if (masked != null && masked != enabledWord.equals("masked")) actions.add(masked ? "mask" : "unmask");
        Boolean enable = a.boolOrNull("enabled");
        if (enable != null) {
            boolean now = isEnabled.ok() && !enabledWord.equals("indirect") && !enabledWord.equals("alias");
            if (now != enable) actions.add(enable ? "enable" : "disable");
            r.put("enabled", enable);
        }
        String state = a.str("state");
        if (state != null) {
            String active = String.valueOf(status.getOrDefault("ActiveState", ""));
            boolean running = active.equals("active") || active.equals("activating");
            String act = switch (state) {
                case "started" -> running ? null : "start";
                case "stopped" -> running || active.equals("deactivating") ? "stop" : null;
                default -> running ? state.substring(0, state.length() - 2) : "start";
            };
            if (act != null) actions.add(act);
            r.put("state", state.equals("stopped") ? "stopped" : "started");
        }
        return new UnitPlan(actions, null);
    }

    ModuleResult apply(ModuleContext ctx, String systemctl, String unit, ModuleResult r) throws ConnectionException {
        if (failure != null) return r.fail(failure);
        r.setChanged(!actions.isEmpty());
        return Systemd.runActions(ctx, systemctl, unit, actions, r);
    }
}
