package dev.jplay.modules.core;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
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
            .param(Param.of("data").raw().doc("Keys (variable names) and values to set (a mapping)."))
            .param(Param.of("per_host").raw().doc("Keep the stats per host instead of for the whole run (default false; "
                    + "a value that is not a true boolean is false, as in Ansible)."))
            .param(Param.of("aggregate").raw().doc("Add to earlier values instead of replacing them (default true; a value "
                    + "that is not a true boolean is false, as in Ansible)."))
            .returns("ansible_stats", "data, per_host and aggregate", "always")
            .example("- ansible.builtin.set_stats:\n    data:\n      packages_installed: 31").performance("no round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) {
        Object given = a.get("data") == null ? Map.of() : a.get("data");
        if (!(given instanceof Map<?, ?> m)) return ModuleResult.failed("The 'data' option needs to be a dictionary/hash");
        Map<String, Object> data = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String k = Py.str(e.getKey());
            if (k.contains("{{") || k.contains("{%")) k = Py.str(ctx.template(k)); // Ansible templates the names
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return ModuleResult.failed("The variable name '" + k + "' is not valid. Variables must start with a letter or underscore "
                        + "character, and contain only letters, numbers and underscores.");
            }
            data.put(k, e.getValue());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("data", data);
        stats.put("per_host", a.get("per_host") == null ? false : lenientBool(a.get("per_host")));
        stats.put("aggregate", a.get("aggregate") == null ? true : lenientBool(a.get("aggregate")));
        return ModuleResult.ok().put("ansible_stats", stats);
    }

    /** Ansible's boolean(strict=False): true for its true spellings, false for anything else. */
    private static boolean lenientBool(Object v) {
        try {
            return ArgConverter.toBool(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
