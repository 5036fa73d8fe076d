package dev.jplay.playbook;

import dev.jplay.source.SourceException;
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
 * the include params of a dynamic include, the play vars used to resolve templated import paths, the directory of
 * the playbook file the play came from (roles are searched from there), the problems of keyword values written
 * above the tasks, the chain of files and roles being loaded (to find cycles and bound the depth), and whether
 * the tasks are loaded under a dynamic include (Ansible's "all parents static" is then false: an old-style
 * {@code include} there is dynamic too).
 */
record LoadContext(Keywords keywords, List<Object> when, Set<String> tags, Map<String, Object> vars, RoleContext role,
                   Path dir, boolean handlers, Map<String, Object> includeParams, Map<String, Object> playVars,
                   Path playbookDir, List<SourceException> problems, List<String> chain, boolean dynamic) {

    /** The context of a play's own tasks. */
    static LoadContext play(Keywords kw, List<Object> when, Set<String> tags, Path dir, Map<String, Object> playVars,
                            List<SourceException> problems, List<String> chain) {
        return new LoadContext(kw, when, tags, Map.of(), null, dir, false, Map.of(), playVars, dir, List.copyOf(problems), List.copyOf(chain), false);
    }

    LoadContext child(Keywords kw, List<Object> moreWhen, Set<String> moreTags, Map<String, Object> moreVars) {
        return child(kw, moreWhen, moreTags, moreVars, List.of());
    }

    LoadContext child(Keywords kw, List<Object> moreWhen, Set<String> moreTags, Map<String, Object> moreVars,
                      List<SourceException> moreProblems) {
        List<Object> w = new ArrayList<>(when);
        w.addAll(moreWhen);
        Set<String> t = new LinkedHashSet<>(tags);
        t.addAll(moreTags);
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.putAll(moreVars);
        List<SourceException> p = new ArrayList<>(problems);
        p.addAll(moreProblems);
        return new LoadContext(kw.under(keywords), List.copyOf(w), Set.copyOf(t), v, role, dir, handlers, includeParams, playVars,
                playbookDir, List.copyOf(p), chain, dynamic);
    }

    /** The same context with {@code kw} as the (already merged) keywords. */
    LoadContext withKeywords(Keywords kw) {
        return new LoadContext(kw, when, tags, vars, role, dir, handlers, includeParams, playVars, playbookDir, problems, chain, dynamic);
    }

    LoadContext inDir(Path d) {
        return new LoadContext(keywords, when, tags, vars, role, d, handlers, includeParams, playVars, playbookDir, problems, chain, dynamic);
    }

    LoadContext inRole(RoleContext r, Path d) {
        return new LoadContext(keywords, when, tags, vars, r, d, handlers, includeParams, playVars, playbookDir, problems, chain, dynamic);
    }

    LoadContext asHandlers(boolean h) {
        return new LoadContext(keywords, when, tags, vars, role, dir, h, includeParams, playVars, playbookDir, problems, chain, dynamic);
    }

    LoadContext withIncludeParams(Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(includeParams);
        p.putAll(params);
        return new LoadContext(keywords, when, tags, vars, role, dir, handlers, p, playVars, playbookDir, problems, chain, dynamic);
    }

    /** The same context under a dynamic include. */
    LoadContext underDynamicInclude() {
        return new LoadContext(keywords, when, tags, vars, role, dir, handlers, includeParams, playVars, playbookDir, problems, chain, true);
    }

    /** The context inside {@code link} (a file or a role) loaded from here. */
    LoadContext via(String link) {
        List<String> c = new ArrayList<>(chain);
        c.add(link);
        return new LoadContext(keywords, when, tags, vars, role, dir, handlers, includeParams, playVars, playbookDir, problems, List.copyOf(c), dynamic);
    }

    /** The chain as text, from {@code link}'s first appearance (the cycle) or the whole chain; a long one shortened. */
    String chainText(String link) {
        int from = Math.max(0, chain.indexOf(link));
        List<String> c = new ArrayList<>(chain.subList(from, chain.size()));
        c.add(link);
        if (c.size() > 8) {
            List<String> shortened = new ArrayList<>(c.subList(0, 3));
            shortened.add("... (" + (c.size() - 6) + " more)");
            shortened.addAll(c.subList(c.size() - 3, c.size()));
            c = shortened;
        }
        return String.join(" -> ", c);
    }
}
