package dev.jplay.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What tasks inherit while a task list is loaded: keywords, conditions, tags and vars of the enclosing play,
 * role, blocks and static imports, the role, the directory of the file being read, whether these are handlers,
 * the include params of a dynamic include, the play vars used to resolve templated import paths, and the
 * directory of the playbook file the play came from (roles are searched from there).
 */
record LoadContext(Keywords keywords, List<Object> when, Set<String> tags, Map<String, Object> vars, RoleContext role,
                   Path dir, boolean handlers, Map<String, Object> includeParams, Map<String, Object> playVars,
                   Path playbookDir) {

    LoadContext child(Keywords kw, List<Object> moreWhen, Set<String> moreTags, Map<String, Object> moreVars) {
        List<Object> w = new ArrayList<>(when);
        w.addAll(moreWhen);
        Set<String> t = new LinkedHashSet<>(tags);
        t.addAll(moreTags);
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putAll(moreVars);
        return new LoadContext(kw.under(keywords), List.copyOf(w), Set.copyOf(t), v, role, dir, handlers, includeParams, playVars, playbookDir);
    }

    /** The same context with {@code kw} as the (already merged) keywords. */
    LoadContext withKeywords(Keywords kw) {
        return new LoadContext(kw, when, tags, vars, role, dir, handlers, includeParams, playVars, playbookDir);
    }

    LoadContext inDir(Path d) {
        return new LoadContext(keywords, when, tags, vars, role, d, handlers, includeParams, playVars, playbookDir);
    }

    LoadContext inRole(RoleContext r, Path d) {
        return new LoadContext(keywords, when, tags, vars, r, d, handlers, includeParams, playVars, playbookDir);
    }

    LoadContext asHandlers(boolean h) {
        return new LoadContext(keywords, when, tags, vars, role, dir, h, includeParams, playVars, playbookDir);
    }

    LoadContext withIncludeParams(Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(includeParams);
        p.putAll(params);
        return new LoadContext(keywords, when, tags, vars, role, dir, handlers, p, playVars, playbookDir);
    }
}
