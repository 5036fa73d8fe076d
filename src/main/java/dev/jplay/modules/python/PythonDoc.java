package dev.jplay.modules.python;

import dev.jplay.data.Py;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Python module's {@code DOCUMENTATION} (and {@code EXAMPLES}) turned into a {@link ModuleSpec} for
 * {@code jplay doc}. The spec accepts any arguments: the module checks its own, as under Ansible.
 */
final class PythonDoc {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^(DOCUMENTATION|EXAMPLES)\\s*=\\s*[rRuU]?('''|\"\"\")(.*?)\\2");
    private static final Pattern SHORT = Pattern.compile("(?m)^\\s*short_description:\\s*(.+)$");

    private PythonDoc() {}

    /** The one-line description without parsing YAML (fast enough to list hundreds of modules). */
    static String shortDescription(String source) {
        Matcher m = SHORT.matcher(source);
        return m.find() ? m.group(1).strip().replaceAll("^['\"]|['\"]$", "") : "";
    }

    static ModuleSpec spec(String name, String source, String origin) {
        String doc = null;
        String examples = null;
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            if (m.group(1).equals("DOCUMENTATION")) doc = m.group(3);
            else examples = m.group(3);
        }
        String shortDesc = shortDescription(source);
        ModuleSpec.Builder b = ModuleSpec.builder(name).acceptsAnyArgs()
                .performance("1 round trip (the module and its module_utils zipped on stdin to the host's python3); " + origin);
        Map<?, ?> y = null;
        try {
            if (doc != null && new Yaml(new SafeConstructor(new LoaderOptions())).load(doc) instanceof Map<?, ?> parsed) y = parsed;
        } catch (RuntimeException e) {
            y = null;
        }
        String description = y == null ? "" : text(y.get("description"));
        b.doc(shortDesc.isEmpty() ? "Python module " + name : shortDesc, (description.isEmpty() ? shortDesc : description) + " (" + origin + ")");
        if (y != null && y.get("options") instanceof Map<?, ?> opts) {
            for (var e : opts.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> o) b.param(param(String.valueOf(e.getKey()), o));
            }
        }
        if (examples != null) b.example(examples.strip());
        return b.build();
    }

    private static Param param(String name, Map<?, ?> o) {
        Param.Builder p = Param.of(name).doc(text(o.get("description")));
        ParamType type = type(o.get("type"));
        if (type == ParamType.LIST) p.list(o.get("elements") == null ? ParamType.STR : type(o.get("elements")));
        else p.type(type);
        if (Boolean.TRUE.equals(o.get("required"))) p.required();
        if (o.get("default") != null) p.def(o.get("default"));
        if (o.get("choices") instanceof List<?> c) p.choices(c.toArray());
        if (o.get("aliases") instanceof List<?> a) p.aliases(a.stream().map(String::valueOf).toArray(String[]::new));
        return p.build();
    }

    private static ParamType type(Object t) {
        if (t == null) return ParamType.STR;
        try {
            return ParamType.valueOf(String.valueOf(t).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ParamType.RAW;
        }
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(" ", l.stream().map(Py::str).toList());
        return Py.str(v);
    }
}
