package dev.jplay.modules.core;

import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate_argument_spec}: checks the task's variables of the spec's option names, with
 * {@code provided_arguments} over them, against an {@code argument_spec}, with module argument rules (types, required, choices). Also
 * what a role runs first when its {@code meta/argument_specs.yml} has a spec for the entry point.
 */
public final class ValidateArgumentSpec implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("validate_argument_spec")
            .doc("Validate role argument specs.", "Validates provided arguments (or the task's variables) against an argument spec.")
            .param(Param.of("argument_spec").dict().required().doc("The options, as a role's argument_specs.yml options:."))
            .param(Param.of("provided_arguments").dict().doc("The values to check; the task variables when not given."))
            .param(Param.of("validate_args_context").dict().doc("Where the spec comes from (role, entry point), echoed back."))
            .returns("argument_errors", "the errors", "on failure").returns("argument_spec_data", "the spec", "always")
            .example("- ansible.builtin.validate_argument_spec:\n    argument_spec: {name: {type: str, required: true}}")
            .performance("no round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) {
        Map<?, ?> spec = (Map<?, ?>) a.get("argument_spec");
        // the task's variables of the spec's option names, with provided_arguments over them (as Ansible's action)
        Map<String, Object> provided = new LinkedHashMap<>();
        for (Object k : spec.keySet()) {
            String name = String.valueOf(k);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) continue;
            if (Boolean.TRUE.equals(ctx.evaluate(name + " is defined"))) provided.put(name, ctx.evaluate(name));
        }
        if (a.get("provided_arguments") instanceof Map<?, ?> p) p.forEach((k, v) -> provided.put(String.valueOf(k), v));
        List<String> errors = ArgConverter.errors(ArgumentSpecs.toSpec("validate_argument_spec", spec), provided).stream()
                .map(e -> e.getMessage().replace(" (module validate_argument_spec)", "").replace(" for validate_argument_spec", "")).toList();
        ModuleResult r = errors.isEmpty() ? ModuleResult.ok().msg("The arg spec validation passed")
                : ModuleResult.failed("Validation of arguments failed:\n" + String.join("\n", errors)).put("argument_errors", errors);
        r.put("argument_spec_data", spec);
        if (a.get("validate_args_context") != null) r.put("validate_args_context", a.get("validate_args_context"));
        return r;
    }
}
