package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code set_stats}: custom statistics for the run ({@code ansible_stats} in the result, as Ansible's action returns
 * them: data, per_host, aggregate). Runs on the controller.
 */
public final class SetStats implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("set_stats")
            .doc("Define and display stats for the current ansible run", "Sets custom stats (shown by callbacks that display them).")
            .param(Param.of("data").dict().required().doc("Keys (variable names) and values to set."))
            .param(Param.of("per_host").bool().def(false).doc("Keep the stats per host instead of for the whole run."))
            .param(Param.of("aggregate").bool().def(true).doc("Add to earlier values instead of replacing them."))
            .returns("ansible_stats", "data, per_host and aggregate", "always")
            .example("- ansible.builtin.set_stats:\n    data:\n      packages_installed: 31").performance("no round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) a.get("data");
        for (String k : data.keySet()) {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return ModuleResult.failed("The variable name '" + k + "' is not valid. Variables must start with a letter or underscore "
                        + "character, and contain only letters, numbers and underscores.");
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("data", data);
        stats.put("per_host", a.bool("per_host"));
        stats.put("aggregate", a.bool("aggregate"));
        return ModuleResult.ok().put("ansible_stats", stats);
    }
}
