package dev.jplay.modules.core;

import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code set_fact}: sets host variables. Returns them under {@code ansible_facts}; the executor stores them
 * (and, with {@code cacheable}, also as facts). Strings spelled as booleans become booleans (unless jinja2_native
 * is set), and names may be templates ({@code "{{ item }}=x"}), as in Ansible.
 */
public final class SetFact implements Module {
    private static final Set<String> BOOLS = Set.of("true", "false", "yes", "no");
    private static final ModuleSpec SPEC = ModuleSpec.builder("set_fact")
            .doc("Set host variable(s) and fact(s)", "Sets variables for the current host; they win over most other variables "
                    + "for the rest of the run. 'cacheable: true' also stores them as facts.")
            .acceptsAnyArgs()
            .param(dev.jplay.modules.Param.of("key_value").raw().doc("Any name: value pairs."))
            .param(dev.jplay.modules.Param.of("cacheable").bool().def(false).doc("Also store as a fact."))
            .returns("ansible_facts", "the variables set", "always")
            .example("- ansible.builtin.set_fact:\n    kube_version: \"1.28.2\"\n    join_ready: true")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> facts = new LinkedHashMap<>();
        boolean cacheable = false;
        // with jinja2_native the values keep their types: no strings read as booleans (Ansible's set_fact action)
        boolean nativeTypes = Boolean.TRUE.equals(ctx.setting("DEFAULT_JINJA2_NATIVE").orElse(false));
        for (var e : args.all().entrySet()) {
            String k = e.getKey();
            if (k.equals("cacheable")) {
                cacheable = ArgConverter.toBool(e.getValue());
                continue;
            }
            if (dev.jplay.template.Templar.isTemplate(k)) k = dev.jplay.data.Py.str(ctx.template(k)); // as Ansible: after the literal cacheable
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return ModuleResult.failed("The variable name '" + k + "' is not valid. Variables must start with a letter or "
                        + "underscore character, and contain only letters, numbers and underscores.");
            }
            Object v = e.getValue();
            if (!nativeTypes && v instanceof CharSequence s && BOOLS.contains(s.toString().toLowerCase(Locale.ROOT))) v = ArgConverter.toBool(v);
            facts.put(k, v);
        }
        if (facts.isEmpty()) return ModuleResult.failed("No key/value pairs provided, at least one is required for this action to succeed");
        return ModuleResult.ok().put("ansible_facts", facts).put("_ansible_facts_cacheable", cacheable);
    }
}
