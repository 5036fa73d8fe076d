package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.modules.ArgConverter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to load a role: from a {@code roles:} entry or a {@code meta/main.yml} dependency ({@code entry} keeps
 * the mapping for its keywords), or from {@code import_role}/{@code include_role} arguments ({@code fromInclude}).
 *
 * @param entryVars       the entry's {@code vars:} (role vars in Ansible, not params), or an include's vars
 * @param allowDuplicates the include's {@code allow_duplicates} (true unless set), or null: the role's meta decides
 * @param publicVars      whether the role's vars and defaults are visible to the whole play
 * @param validate        the include's {@code rolespec_validate}: the role starts by validating its argument spec
 */
record RoleRequest(String name, Map<String, Object> params, Map<String, Object> entryVars, String tasksFrom, String varsFrom,
                   String defaultsFrom, String handlersFrom, Loc loc, Boolean allowDuplicates, boolean publicVars,
                   boolean fromInclude, Map<String, Object> entry, boolean validate) {

    /**
     * {@code import_role} ({@code imported}: public unless told, {@code *_from} reduced to base names as 2.14 does
     * when loading) or {@code include_role} (private unless told) arguments; {@code vars} are the task's vars (and
     * loop variables).
     */
    static RoleRequest fromArgs(Map<String, Object> args, Map<String, Object> vars, Loc loc, boolean imported) {
        Object name = args.get("name") != null ? args.get("name") : args.get("role");
        if (name == null) throw new SourceException("a role name is required ('name:')", loc);
        Object pub = args.get("public");
        Object dup = args.get("allow_duplicates");
        Object validate = args.get("rolespec_validate");
        return new RoleRequest(Py.str(name), Map.of(), vars, from(args, "tasks_from", imported, loc),
                from(args, "vars_from", imported, loc), from(args, "defaults_from", imported, loc),
                from(args, "handlers_from", imported, loc), loc, dup == null || ArgConverter.toBool(dup),
                pub == null ? imported : ArgConverter.toBool(pub), true, null, validate == null || ArgConverter.toBool(validate));
    }

    /**
     * A {@code roles:} entry ({@code play}: its vars are the play's) or a dependency: a name, or a mapping with
     * {@code role:} (or {@code name:}) and params.
     */
    @SuppressWarnings("unchecked")
    static RoleRequest fromEntry(Object entry, Loc loc, boolean play) {
        if (entry instanceof CharSequence s) {
            if (s.toString().contains(",")) { // Ansible's RoleInclude: the pre-2.0 'name,version' form is refused
                throw new SourceException("Invalid old style role requirement: " + s, loc, "write  - role: NAME", null,
                        SourceException.Kind.ERROR);
            }
            return new RoleRequest(s.toString(), Map.of(), Map.of(), null, null, null, null, loc, null, play, false, null, true);
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
            if (!Keys.ROLE_ENTRY.contains(k)) params.put(k, e.getValue());
        }
        Map<String, Object> vars = Raw.map(m.get("vars"), "vars", Raw.keyLoc(m, "vars"));
        return new RoleRequest(Py.str(name), params, vars, null, null, null, null, at, null, play, false, m, true);
    }

    RoleRequest rendered(String n) {
        return new RoleRequest(n, params, entryVars, tasksFrom, varsFrom, defaultsFrom, handlersFrom, loc, allowDuplicates,
                publicVars, fromInclude, entry, validate);
    }

    /**
     * The role's identity in its play, as Ansible's role cache keys it: the name and a hash of the params, the entry's
     * {@code when}, {@code tags} and {@code vars}, the {@code *_from} files, and whether it was included. Order inside
     * mappings and lists does not matter (Ansible hashes frozensets).
     */
    String key() {
        Map<String, Object> k = new LinkedHashMap<>(params);
        if (entry != null && entry.get("when") != null) k.put("when", entry.get("when"));
        if (entry != null && entry.get("tags") != null) k.put("tags", entry.get("tags"));
        Map<String, Object> files = new LinkedHashMap<>();
        if (tasksFrom != null) files.put("tasks", tasksFrom);
        if (varsFrom != null) files.put("vars", varsFrom);
        if (defaultsFrom != null) files.put("defaults", defaultsFrom);
        if (handlersFrom != null) files.put("handlers", handlersFrom);
        k.put("from_files", files);
        if (!entryVars.isEmpty()) k.put("vars", entryVars);
        k.put("from_include", fromInclude);
        return name + " " + canonical(k);
    }

    private static String canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((a, b) -> sorted.put(Py.str(a), canonical(b)));
            return sorted.toString();
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>(l.stream().map(RoleRequest::canonical).distinct().toList());
            items.sort(null);
            return items.toString();
        }
        return Py.repr(v);
    }

    /** The name shown in {@code TASK [role : name]}: the directory name for path-like names. */
    String displayName(Path dir) {
        return name.contains("/") ? dir.getFileName().toString() : name;
    }

    /** A {@code *_from} option; Ansible 2.14 keeps only the base name of an imported role's. */
    private static String from(Map<String, Object> args, String key, boolean baseName, Loc loc) {
        Object o = args.get(key);
        if (o == null) return null;
        if (!(o instanceof CharSequence)) {
            throw new SourceException("Expected a string for " + key + " but got " + Raw.kind(o) + " instead", loc);
        }
        String s = o.toString();
        int slash = s.lastIndexOf('/');
        return slash < 0 || !baseName ? s : s.substring(slash + 1);
    }
}
