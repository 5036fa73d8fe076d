package dev.jplay.playbook;

import dev.jplay.data.KeyValue;
import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task's module arguments read as Ansible's ModuleArgsParser reads them: a mapping as it is; a string as
 * {@code k=v} words ({@link KeyValue}), whose other words are free-form text, allowed only for the modules that take
 * it (else "has extra params", unless the text is a template: then it is a mapping given by a variable,
 * {@code _variable_params}); {@code args:} merged under the inline arguments; {@code action:} and
 * {@code local_action:} naming the module in their first word or in {@code module:}.
 */
final class ActionArgs {
    private ActionArgs() {}

    /** Modules whose {@code k=v} words other than {@link KeyValue#COMMAND_KEYS} are the command (Ansible's FREEFORM_ACTIONS). */
    static final Set<String> FREEFORM = Set.of("command", "shell", "script", "raw", "win_command", "win_shell");

    /** Modules that accept free-form text (Ansible's RAW_PARAM_MODULES). */
    static final Set<String> RAW_PARAMS = Keys.union(FREEFORM, Set.of("include", "include_vars", "include_tasks", "include_role",
            "import_tasks", "import_role", "add_host", "group_by", "set_fact", "meta"));

    /** The key under which a templated mapping of arguments waits for run time. */
    static final String VARIABLE = "_variable_params";

    /** The arguments of a task whose module is unknown: a mapping as it is, anything else as free-form text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> unparsed(Object thing) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (thing instanceof Map<?, ?> m) out.putAll((Map<String, Object>) m);
        else if (thing != null) out.put(KeyValue.RAW, Py.str(thing));
        return out;
    }

    /** The module named by {@code action:}/{@code local_action:}: the first word, or the first word of {@code module:}. */
    static String moduleOf(Object v, Map<String, Object> ds, String key) {
        Loc loc = Raw.valueLoc(ds, key);
        Object text = v instanceof Map<?, ?> m ? m.get("module") : v;
        if (!(text instanceof CharSequence s) || s.toString().isBlank()) {
            throw new SourceException(key + " must be 'module args' or a mapping with 'module:'", loc,
                    "e.g.  " + key + ": ansible.builtin.copy src=a dest=b");
        }
        return splitModule(s.toString(), loc)[0];
    }

    private static String[] splitModule(String text, Loc loc) {
        List<String> words = words(text, loc);
        if (words.isEmpty()) throw new SourceException("no module named in '" + text + "'", loc);
        return new String[] {words.get(0).strip(), String.join(" ", words.subList(1, words.size()))};
    }

    /** The words of {@code text} as Ansible's split_args; unbalanced quotes or blocks are an error at {@code loc}. */
    static List<String> words(String text, Loc loc) {
        try {
            return KeyValue.splitArgs(text);
        } catch (KeyValue.Unbalanced e) {
            throw new SourceException(e.getMessage(), loc, "close the quote or the {{ }} block, or quote the whole value in YAML");
        }
    }

    /**
     * The arguments of {@code action} (its canonical module name, or the name as written) given as {@code thing} under
     * {@code key}; {@code viaKeyword} for {@code action:}/{@code local_action:}.
     */
    static Map<String, Object> read(String action, Object thing, Map<String, Object> ds, String key, boolean viaKeyword) {
        Loc loc = Raw.valueLoc(ds, key);
        Map<String, Object> out = new LinkedHashMap<>(additional(ds));
        Map<String, Object> args = viaKeyword ? oldStyle(action, thing, loc) : newStyle(action, thing, loc);
        if (!FREEFORM.contains(action)) {
            for (String k : args.keySet()) {
                if (k.startsWith("_ansible_")) {
                    throw new SourceException("invalid parameter specified for action '" + action + "': '" + k + "'", loc, null, null, Kind.ERROR);
                }
            }
        }
        out.putAll(args);
        Object raw = out.get(KeyValue.RAW);
        if (raw != null && !Py.str(raw).isEmpty() && !RAW_PARAMS.contains(action)) {
            if (!Templar.isTemplate(raw)) {
                throw new SourceException("this task '" + action + "' has extra params, which is only allowed in the following modules: "
                        + String.join(", ", new TreeSet<>(RAW_PARAMS)), loc,
                        "write the arguments as key=value pairs or as a YAML mapping (words without '=' are not arguments)");
            }
            out.remove(KeyValue.RAW);
            out.put(VARIABLE, raw);
        }
        return out;
    }

    /** {@code args:}: a mapping, or a template giving one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> additional(Map<String, Object> ds) {
        Object a = ds.get("args");
        if (a == null) return Map.of();
        if (a instanceof Map<?, ?> m) return (Map<String, Object>) m;
        Loc loc = Raw.valueLoc(ds, "args");
        if (a instanceof CharSequence s) {
            if (Templar.isTemplate(s)) return Map.of(VARIABLE, s.toString());
            throw new SourceException("Complex args containing variables cannot use bare variables (without Jinja2 delimiters), "
                    + "and must use the full variable style ('{{var_name}}')", loc);
        }
        throw new SourceException("Complex args must be a dictionary or variable string (\"{{var}}\"), got " + Raw.kind(a), loc);
    }

    /** {@code module: ARGS}: a mapping, k=v words, or nothing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> newStyle(String action, Object thing, Loc loc) {
        if (thing == null) return Map.of();
        if (thing instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (thing instanceof CharSequence s) return kv(s.toString(), FREEFORM.contains(action), loc);
        throw new SourceException("the arguments of '" + action + "' must be a string or a mapping, not " + Raw.kind(thing)
                + " (" + Py.str(thing) + ")", loc, "quote the value if it is meant as text, e.g.  " + action + ": \"" + Py.str(thing) + "\"");
    }

    /** {@code action: MODULE ARGS} or {@code action: {module: MODULE ARGS, k: v}}, with an old-style {@code args:} inside. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> oldStyle(String action, Object thing, Loc loc) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (thing instanceof Map<?, ?> m) {
            args.putAll((Map<String, Object>) m);
            args.remove("module");
            args.putAll(kv(splitModule(Py.str(m.get("module")), loc)[1], FREEFORM.contains(action), loc));
        } else {
            args.putAll(kv(splitModule(Py.str(thing), loc)[1], FREEFORM.contains(action), loc));
        }
        Object inner = args.remove("args");
        if (inner instanceof CharSequence s) args.putAll(kv(s.toString(), false, loc));
        else if (inner instanceof Map<?, ?> m) args.putAll((Map<String, Object>) m);
        return args;
    }

    private static Map<String, Object> kv(String text, boolean checkRaw, Loc loc) {
        try {
            return KeyValue.parse(text, checkRaw);
        } catch (KeyValue.Unbalanced e) {
            throw new SourceException(e.getMessage(), loc, "close the quote or the {{ }} block, or quote the whole value in YAML");
        }
    }
}
