package dev.jplay.modules.system;

import dev.jplay.modules.ModuleArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The useradd/usermod command lines for the user module (empty when nothing differs). */
final class UserCommands {
    private UserCommands() {}

    static List<String> useradd(ModuleArgs a) {
        List<String> c = new ArrayList<>(List.of("useradd"));
        if (a.has("uid")) c.addAll(List.of("-u", String.valueOf(a.integer("uid"))));
        if (a.has("uid") && a.bool("non_unique")) c.add("-o");
        if (a.has("group")) c.addAll(List.of("-g", UserState.q(a.str("group"))));
        if (!a.strings("groups").isEmpty()) c.addAll(List.of("-G", UserState.q(String.join(",", a.strings("groups")))));
        if (a.has("comment")) c.addAll(List.of("-c", UserState.q(a.str("comment"))));
        if (a.has("home")) c.addAll(List.of("-d", UserState.q(a.str("home"))));
        if (a.has("shell")) c.addAll(List.of("-s", UserState.q(a.str("shell"))));
        if (a.has("skeleton")) c.addAll(List.of("-k", UserState.q(a.str("skeleton"))));
        if (a.has("expires")) c.addAll(List.of("-e", UserState.q(expiryDate(a.number("expires")))));
        if (a.bool("system")) c.add("-r");
        c.add(a.bool("create_home") ? "-m" : "-M");
        c.add(UserState.q(a.str("name")));
        return c;
    }

    static List<String> usermod(ModuleArgs a, UserState cur) {
        String[] p = cur.passwd();
        List<String> c = new ArrayList<>();
        if (a.has("uid") && !String.valueOf(a.integer("uid")).equals(p[2])) {
            c.addAll(List.of("-u", String.valueOf(a.integer("uid"))));
            if (a.bool("non_unique")) c.add("-o");
        }
        if (a.has("group") && !cur.gid(a.str("group")).equals(p[3])) c.addAll(List.of("-g", UserState.q(a.str("group"))));
        groups(a, cur, c);
        if (a.has("comment") && !a.str("comment").equals(p[4])) c.addAll(List.of("-c", UserState.q(a.str("comment"))));
        if (a.has("home") && !a.str("home").equals(p[5])) {
            c.addAll(List.of("-d", UserState.q(a.str("home"))));
            if (a.bool("move_home")) c.add("-m");
        }
        if (a.has("shell") && !a.str("shell").equals(p[6])) c.addAll(List.of("-s", UserState.q(a.str("shell"))));
        expires(a, cur, c);
        Boolean lock = a.boolOrNull("password_lock");
        boolean locked = cur.hash().startsWith("!");
        if (lock != null && lock != locked && !User.passwordChanges(a, cur)) c.add(lock ? "-L" : "-U");
        if (c.isEmpty()) return c;
        c.add(0, "usermod");
        c.add(UserState.q(a.str("name")));
        return c;
    }

    private static void groups(ModuleArgs a, UserState cur, List<String> c) {
        if (!a.has("groups")) return;
        List<String> wanted = a.strings("groups").stream().filter(g -> !g.isBlank()).toList();
        Set<String> have = new HashSet<>(cur.supplementary());
        Set<String> want = new HashSet<>(wanted);
        boolean differs = a.bool("append") ? !have.containsAll(want) : !have.equals(want);
        if (!differs) return;
        if (a.bool("append")) c.add("-a");
        c.addAll(List.of("-G", UserState.q(String.join(",", wanted))));
    }

    private static void expires(ModuleArgs a, UserState cur, List<String> c) {
        if (!a.has("expires")) return;
        double want = a.number("expires");
        if (want < 0) {
            if (cur.expires() >= 0) c.addAll(List.of("-e", "''"));
            return;
        }
        String date = expiryDate(want);
        if (cur.expires() < 0 || !java.time.LocalDate.ofEpochDay(cur.expires()).toString().equals(date)) {
            c.addAll(List.of("-e", UserState.q(date)));
        }
    }

    /** An epoch time as the YYYY-MM-DD useradd wants (empty for a negative time: never). */
    static String expiryDate(double epoch) {
        if (epoch < 0) return "";
        return java.time.LocalDate.ofEpochDay((long) Math.floor(epoch / 86400)).toString();
    }

    /** Creates a missing home from the skeleton and gives it to the user. */
    static String makeHome(ModuleArgs a, UserState cur) {
        String home = UserState.q(a.has("home") ? a.str("home") : cur.passwd()[5]);
        String skel = UserState.q(a.str("skeleton", "/etc/skel"));
        return "mkdir -p " + home + " && { cp -a " + skel + "/. " + home + " 2>/dev/null || true; } && chown -R "
                + cur.passwd()[2] + ":" + cur.passwd()[3] + " " + home;
    }
}
