package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.FileAttrs;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The common file attributes of a task ({@code mode}, {@code owner}, {@code group}) and what it takes to give them
 * to an existing path: the shell commands, the {@code diff} parts, and the resulting state.
 */
record Attrs(Object mode, String owner, String group) {
    static final Attrs NONE = new Attrs(null, null, null);

    static Attrs of(ModuleArgs a) {
        return new Attrs(a.get("mode"), a.str("owner"), a.str("group"));
    }

    /** Adds mode/owner/group and the accepted-but-ignored SELinux/attribute parameters to a spec. */
    static ModuleSpec.Builder params(ModuleSpec.Builder b) {
        b.param(Param.of("mode").raw().doc("Permissions: octal (0644, '0644') or symbolic (u+rw,g-w,o=r)."))
         .param(Param.of("owner").str().doc("User that should own the file (name or uid)."))
         .param(Param.of("group").str().doc("Group that should own the file (name or gid)."));
        for (String n : new String[] {"seuser", "serole", "setype", "selevel", "attributes"}) {
            b.param(Param.of(n).str().doc("Accepted for compatibility; ignored."));
        }
        return b.param(Param.of("unsafe_writes").bool().def(false).doc("Accepted for compatibility; writes are always atomic."));
    }

    /** Ansible's failure for a mode that is neither octal nor symbolic, else null. */
    static ModuleResult invalid(ModuleArgs a) {
        Object m = a.get("mode");
        if (!Modes.given(m)) return null;
        try {
            Modes.resolve(m, 0644, false);
            return null;
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage()).put("details", String.valueOf(m));
        }
    }

    /** What changing {@code st}'s attributes takes. */
    record Plan(boolean changed, String commands, Map<String, Object> before, Map<String, Object> after, FileState result) {}

    /** The permission bits wanted for {@code st} (its current ones when no mode is given); -1 for an absent path without mode. */
    int modeFor(FileState st, boolean dir) {
        if (!Modes.given(mode)) return st.mode();
        return Modes.resolve(mode, st.exists() ? st.mode() : dir ? 0755 : 0644, dir);
    }

    /** The attributes for writing a new version of {@code st}'s file with {@code put}. */
    FileAttrs forWrite(FileState st) {
        int m = modeFor(st, false);
        String o = owner != null ? owner : st.exists() ? Long.toString(st.uid()) : null;
        String g = group != null ? group : st.exists() ? Long.toString(st.gid()) : null;
        return new FileAttrs(m < 0 ? null : Modes.octal(m), o, g);
    }

    /** Compares {@code st} (an existing path) with these attributes. */
    Plan plan(FileState st) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        StringBuilder cmd = new StringBuilder();
        String q = quote(st.path());
        String newOwner = null;
        String newGroup = null;
        if (owner != null && !owner.equals(st.owner()) && !owner.equals(Long.toString(st.uid()))) {
            cmd.append("chown -h ").append(quote(owner)).append(" -- ").append(q).append(" && ");
            before.put("owner", st.uid());
            after.put("owner", owner);
            newOwner = owner;
        }
        if (group != null && !group.equals(st.group()) && !group.equals(Long.toString(st.gid()))) {
            cmd.append("chgrp -h ").append(quote(group)).append(" -- ").append(q).append(" && ");
            before.put("group", st.gid());
            after.put("group", group);
            newGroup = group;
        }
        int m = st.mode();
        if (Modes.given(mode) && !st.isLink()) {
            m = Modes.resolve(mode, st.mode(), st.isDir());
            if (m != st.mode()) {
                cmd.append("chmod ").append(Modes.octal(m)).append(" -- ").append(q).append(" && ");
                before.put("mode", "0" + String.format("%03o", st.mode()));
                after.put("mode", "0" + String.format("%03o", m));
            }
        }
        boolean changed = cmd.length() > 0;
        String commands = changed ? cmd.substring(0, cmd.length() - 4) : "";
        return new Plan(changed, commands, before, after, st.withAttrs(m, newOwner, newGroup));
    }

    /** Attribute params are given at all. */
    boolean any() {
        return Modes.given(mode) || owner != null || group != null;
    }
}
