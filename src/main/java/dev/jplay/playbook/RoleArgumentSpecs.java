package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's {@code meta/argument_specs.yml} (or {@code argument_specs:} in {@code meta/main.yml}): when it has a spec
 * for the entry point, the role starts with Ansible's implicit task "Validating arguments against arg spec 'main'",
 * a {@code validate_argument_spec} of the role's variables and parameters, tagged {@code always}.
 */
final class RoleArgumentSpecs {
    private RoleArgumentSpecs() {}

    /** The implicit task's mapping, or null when the role has no spec for this entry point. */
    static Map<String, Object> validationTask(Path roleDir, Map<String, Object> meta, String tasksFrom, String roleName,
                                              Map<String, Object> params, Loc loc) {
        Object specs = meta.get("argument_specs");
        for (String n : List.of("argument_specs.yml", "argument_specs.yaml")) {
            Path f = roleDir.resolve("meta").resolve(n);
            if (!Files.isRegularFile(f)) continue;
            // as Ansible: the file wins over meta/main.yml even when it has no specs (empty, no argument_specs key)
            specs = Yaml.load(f) instanceof Map<?, ?> m ? m.get("argument_specs") : null;
            break;
        }
        String entry = tasksFrom == null ? "main" : tasksFrom.replaceFirst("\\.ya?ml$", "");
        if (!(specs instanceof Map<?, ?> all) || !(all.get(entry) instanceof Map<?, ?> spec)) return null;
        String name = "Validating arguments against arg spec '" + entry + "'";
        if (spec.get("short_description") != null) name += " - " + spec.get("short_description");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("type", "role");
        context.put("name", roleName);
        context.put("argument_spec_name", entry);
        context.put("path", roleDir.toString());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("argument_spec", spec.get("options") instanceof Map<?, ?> o ? o : Map.of());
        args.put("provided_arguments", params == null ? Map.of() : params);
        args.put("validate_args_context", context);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", name);
        task.put("ansible.builtin.validate_argument_spec", args);
        task.put("tags", List.of("always"));
        return task;
    }
}
