package dev.jplay.modules.core;

import dev.jplay.data.Py;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Ansible {@code argument_spec} mapping (as in a role's {@code meta/argument_specs.yml} {@code options:}) as a
 * {@link ModuleSpec}, so that {@code validate_argument_spec} checks values with the same rules and messages as
 * module arguments.
 */
public final class ArgumentSpecs {
    private ArgumentSpecs() {}

    public static ModuleSpec toSpec(String name, Map<?, ?> options) {
        ModuleSpec.Builder b = ModuleSpec.builder(name);
        for (var e : options.entrySet()) {
            Map<?, ?> o = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
            Param.Builder p = Param.of(String.valueOf(e.getKey()));
            ParamType type = type(o.get("type"));
            if (type == ParamType.LIST) p.list(o.get("elements") == null ? null : type(o.get("elements")));
            else p.type(type);
            if (Boolean.TRUE.equals(o.get("required"))) p.required();
            if (o.get("default") != null) p.def(o.get("default"));
            if (o.get("choices") instanceof List<?> c) p.choices(c.toArray());
            if (o.get("aliases") instanceof List<?> a) p.aliases(a.stream().map(Py::str).toArray(String[]::new));
            if (o.get("no_log") != null && Boolean.TRUE.equals(o.get("no_log"))) p.noLog();
            b.param(p.build());
        }
        return b.build();
    }

    private static ParamType type(Object t) {
        if (t == null) return ParamType.STR;
        try {
            return ParamType.valueOf(Py.str(t).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ParamType.RAW;
        }
    }
}
