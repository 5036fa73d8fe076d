package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account as the host reports it in one round trip: the passwd entry, the names of its groups
 * ({@code id -Gn}), the shadow hash and expiry day (only read when password, lock or expiry are managed),
 * whether the home exists, and the gid of each group the task names (null when the group does not exist).
 */
record UserState(String[] passwd, List<String> groups, String hash, long expires, boolean homeExists, Map<String, String> gids) {

    static String q(String s) {
        return ShellCommand.quote(s);
    }

    static UserState read(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String n = q(a.str("name"));
        List<String> named = new ArrayList<>(a.strings("groups"));
        if (a.has("group")) named.add(0, a.str("group"));
        String home = a.has("home") ? q(a.str("home")) : "\"$(getent passwd " + n + " | cut -d: -f6)\"";
        List<String> snippets = new ArrayList<>(List.of("getent passwd " + n, "id -Gn " + n + " 2>/dev/null",
                a.has("password") || a.has("password_lock") || a.has("expires") ? "getent shadow " + n : "true", "h=" + home + "; [ -n \"$h\" ] && [ -d \"$h\" ]"));
        for (String g : named) snippets.add("getent group " + q(g) + " | cut -d: -f3");
        List<Probes.Part> parts = Probes.run(ctx, snippets.toArray(String[]::new));
        Map<String, String> gids = new LinkedHashMap<>();
        for (int i = 0; i < named.size(); i++) {
            String gid = parts.get(4 + i).out().strip();
            gids.put(named.get(i), gid.isEmpty() ? null : gid);
        }
        List<String> groups = List.of(parts.get(1).out().strip().split("\\s+"));
        String[] shadow = parts.get(2).out().strip().split(":", -1);
        String hash = shadow.length > 1 ? shadow[1] : "";
        long expires = shadow.length > 7 && shadow[7].matches("-?\\d+") ? Long.parseLong(shadow[7]) : -1;
        return new UserState(passwdLine(parts.get(0).out()), groups, hash, expires, parts.get(3).ok(), gids);
    }

    /** The fields of the last passwd line in {@code out}, or null. */
    static String[] passwdLine(String out) {
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1];
        String[] f = last.split(":", -1);
        return f.length < 7 ? null : f;
    }

    /** The first group the task names that does not exist (a numeric group is taken as it is). */
    String missingGroup(ModuleArgs a) {
        for (var e : gids.entrySet()) {
            if (e.getValue() == null && !e.getKey().matches("\\d+")) return e.getKey();
        }
        return null;
    }

    /** The gid a group name or number stands for. */
    String gid(String group) {
        String g = gids.get(group);
        return g == null ? group : g;
    }

    /** Supplementary groups: all groups but the primary one. */
    List<String> supplementary() {
        List<String> out = new ArrayList<>(groups);
        if (!out.isEmpty()) out.remove(0);
        return out;
    }
}
