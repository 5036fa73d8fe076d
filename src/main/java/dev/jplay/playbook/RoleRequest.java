package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to load a role: from a {@code roles:} entry or a {@code meta/main.yml} dependency ({@code entry} keeps
 * the mapping for its keywords), or from {@code import_role}/{@code include_role} arguments.
 */
record RoleRequest(String name, Map<String, Object> params, String tasksFrom, String varsFrom, String defaultsFrom,
                   String handlersFrom, Loc loc, boolean dedupe, boolean publicVars, Map<String, Object> entry) {

    /** {@code import_role}/{@code include_role} arguments. */
    static RoleRequest fromArgs(Map<String, Object> args, Loc loc, boolean dedupe, boolean publicVars) {
        Object name = args.get("name") != null ? args.get("name") : args.get("role");
        if (name == null) throw new SourceException("a role name is required ('name:')", loc);
        Object pub = args.get("public");
        return new RoleRequest(Py.str(name), Map.of(), str(args.get("tasks_from")), str(args.get("vars_from")),
                str(args.get("defaults_from")), str(args.get("handlers_from")), loc, dedupe,
                pub == null ? publicVars : dev.jplay.modules.ArgConverter.toBool(pub), null);
    }

    /** A {@code roles:} entry or a dependency: a name, or a mapping with {@code role:} (or {@code name:}) and params. */
    @SuppressWarnings("unchecked")
    static RoleRequest fromEntry(Object entry, Loc loc, boolean dedupe) {
        if (entry instanceof CharSequence s) {
            return new RoleRequest(s.toString(), Map.of(), null, null, null, null, loc, dedupe, true, null);
        }
        if (!(entry instanceof Map<?, ?> raw)) throw new SourceException("a role entry must be a name or a mapping", loc);
        Map<String, Object> m = (Map<String, Object>) raw;
        Loc at = Raw.loc(m).known() ? Raw.loc(m) : loc;
        Object name = m.get("role") != null ? m.get("role") : m.get("name");
        if (name == null) throw new SourceException("role definitions must contain a role name", at, "e.g.  - role: common", null,
                SourceException.Kind.ERROR);
        Map<String, Object> params = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String k = e.getKey();
            if (k.equals("role") || (k.equals("name") && m.get("role") == null)) continue;
            if (k.equals("vars")) params.putAll(Raw.map(e.getValue(), "vars", Raw.keyLoc(m, k)));
            else if (!Keys.ROLE_ENTRY.contains(k)) params.put(k, e.getValue());
        }
        return new RoleRequest(Py.str(name), params, null, null, null, null, at, dedupe, true, m);
    }

    RoleRequest rendered(String n) {
        return new RoleRequest(n, params, tasksFrom, varsFrom, defaultsFrom, handlersFrom, loc, dedupe, publicVars, entry);
    }

    /** The name shown in {@code TASK [role : name]}: the directory name for path-like names. */
    String displayName(Path dir) {
        return name.contains("/") ? dir.getFileName().toString() : name;
    }

    private static String str(Object o) {
        return o == null ? null : Py.str(o);
    }
}
