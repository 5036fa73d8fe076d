package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.playbook.Task;
import dev.jplay.vars.VarScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A task's module arguments at run time: module_defaults, templating, omit removal, spec validation. */
final class Arguments {
    private Arguments() {}

    static ModuleArgs prepare(Task task, ModuleSpec spec, VarScope scope, Map<String, Object> kw, Engine e) {
        Map<String, Object> raw = new LinkedHashMap<>(defaults(spec, task.written(), kw.get("module_defaults")));
        raw.putAll(task.args());
        Set<String> raws = new HashSet<>();
        for (Param p : spec.params()) {
            if (p.templated()) continue;
            raws.add(p.name());
            raws.addAll(p.aliases());
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (var en : raw.entrySet()) {
            Object v = raws.contains(en.getKey()) ? en.getValue() : e.templar().template(en.getValue(), scope.context(task.loc()));
            args.put(en.getKey(), v);
        }
        Object variable = args.remove("_variable_params"); // arguments given as one template ({{ args }}): under the others
        if (variable != null) {
            if (!(variable instanceof Map<?, ?> given)) {
                throw new dev.jplay.modules.ArgumentException("invalid or malformed argument: '" + Py.str(variable) + "'", null);
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            given.forEach((k, v) -> merged.put(String.valueOf(k), v));
            merged.putAll(args);
            args = merged;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> clean = (Map<String, Object>) removeOmit(args, e.omit());
        return ArgConverter.convert(spec, clean);
    }

    /** Defaults from {@code module_defaults} entries that name this module (short or FQCN spelling). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaults(ModuleSpec spec, String written, Object moduleDefaults) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(moduleDefaults instanceof List<?> entries)) return out;
        Set<String> names = new HashSet<>(spec.aliases());
        names.add(spec.name());
        names.add("ansible.builtin." + spec.name());
        names.add("ansible.legacy." + spec.name());
        names.add(written);
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> m)) continue;
            for (var d : m.entrySet()) {
                if (names.contains(String.valueOf(d.getKey())) && d.getValue() instanceof Map<?, ?> vals) {
                    out.putAll((Map<String, Object>) vals);
                }
            }
        }
        return out;
    }

    /** Drops values equal to the omit placeholder, in maps and lists, recursively (as Ansible's remove_omit). */
    static Object removeOmit(Object v, String omit) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var en : m.entrySet()) {
                if (omit.equals(en.getValue())) continue;
                out.put(String.valueOf(en.getKey()), removeOmit(en.getValue(), omit));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) if (!omit.equals(x)) out.add(removeOmit(x, omit));
            return out;
        }
        return v;
    }

    /**
     * The task's {@code environment} keyword templated as Ansible does it (Task._post_validate_environment): each
     * value on its own, the names as written (never templated), and a value that needs the {@code ansible_env} fact
     * while it is undefined (facts not gathered yet, as for the fact gathering itself) is left out rather than failing
     * the task.
     */
    static Object templateEnvironment(Object env, dev.jplay.template.Templar templar, dev.jplay.template.TemplateContext ctx) {
        if (!(env instanceof List<?> l)) return templar.template(env, ctx);
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
            if (!(x instanceof Map<?, ?> m)) {
                out.add(templar.template(x, ctx));
                continue;
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                try {
                    vars.put(Py.str(e.getKey()), templar.template(e.getValue(), ctx));
                } catch (dev.jplay.template.TemplateException ex) {
                    if (!ex.isUndefined() || !ex.getMessage().contains("ansible_env")) throw ex;
                }
            }
            out.add(vars);
        }
        return out;
    }

    /** The task's {@code environment} (a list of mappings, merged in order) as strings. */
    static Map<String, String> environment(Map<String, Object> kw) {
        Map<String, String> env = new LinkedHashMap<>();
        Object v = kw.get("environment");
        if (!(v instanceof List<?> l)) return env;
        for (Object x : l) {
            if (x instanceof Map<?, ?> m) m.forEach((k, val) -> env.put(String.valueOf(k), val == null ? "" : Py.str(val)));
            else if (x != null) throw new dev.jplay.source.SourceException("environment must be a mapping, got: " + Py.str(x), null);
        }
        return env;
    }
}
