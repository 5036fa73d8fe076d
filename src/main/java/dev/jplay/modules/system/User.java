package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code user}: creates, changes and removes local accounts with useradd/usermod/userdel. One round trip reads
 * the account, its groups, the named groups and (when a password is given) the shadow hash; one command applies
 * the change and reads the account back. Password hashes go to {@code chpasswd -e} on stdin, never on argv.
 */
public final class User implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("user").fqcn("ansible.builtin.user")
            .doc("Manage user accounts", "Creates, changes and removes local user accounts.")
            .param(Param.of("name").str().required().aliases("user"))
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("uid").integer()).param(Param.of("non_unique").bool().def(false))
            .param(Param.of("group").str().doc("Primary group (name or gid)."))
            .param(Param.of("groups").list(ParamType.STR).doc("Supplementary groups."))
            .param(Param.of("append").bool().def(false).doc("Add to groups instead of setting them."))
            .param(Param.of("comment").str()).param(Param.of("home").path()).param(Param.of("shell").str())
            .param(Param.of("password").str().noLog().doc("The crypted password hash."))
            .param(Param.of("update_password").str().def("always").choices("always", "on_create"))
            .param(Param.of("create_home").bool().def(true).aliases("createhome"))
            .param(Param.of("move_home").bool().def(false)).param(Param.of("skeleton").str())
            .param(Param.of("system").bool().def(false))
            .param(Param.of("remove").bool().def(false)).param(Param.of("force").bool().def(false))
            .param(Param.of("local").bool().doc("Accepted; the local tools are always used."))
            .param(Param.of("generate_ssh_key").bool().doc("Generate an SSH key pair for the user."))
            .param(Param.of("ssh_key_type").str().def("rsa")).param(Param.of("ssh_key_bits").integer().def(0L))
            .param(Param.of("ssh_key_file").path().doc("Default .ssh/id_TYPE in the home."))
            .param(Param.of("ssh_key_comment").str().doc("Default 'ansible-generated on HOSTNAME'."))
            .param(Param.of("ssh_key_passphrase").str().noLog().doc("Not supported: it would reach ssh-keygen's argv."))
            .param(Param.of("password_lock").bool().doc("Lock (true) or unlock (false) the password."))
            .param(Param.of("expires").type(ParamType.FLOAT).doc("Account expiry as epoch seconds; negative removes it."))
            .returns("uid", "user id", "when present").returns("group", "primary group id", "when present")
            .returns("home", "home directory", "when present").returns("shell", "login shell", "when present")
            .returns("comment", "GECOS", "when present").returns("groups", "groups asked for", "when groups is set")
            .performance("1 round trip to read, 1 to change and read back")
            .example("- ansible.builtin.user:\n    name: deploy\n    groups: [sudo, docker]\n    append: true\n    shell: /bin/bash")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        UserState cur = UserState.read(a, ctx);
        String name = a.str("name");
        ModuleResult r = ModuleResult.ok().put("name", name).put("state", a.str("state"));
        if (a.str("state").equals("absent")) {
            if (cur.passwd() == null) return r;
            if (ctx.check()) return ModuleResult.changed(true);
            String cmd = "userdel" + (a.bool("force") ? " -f" : "") + (a.bool("remove") ? " -r" : "") + " " + UserState.q(name);
            ExecResult res = ctx.sh(cmd);
            if (!res.ok()) return ModuleResult.failed(res.err().strip()).put("name", name).put("rc", (long) res.rc());
            return r.setChanged(true).put("force", a.bool("force")).put("remove", a.bool("remove"));
        }
        String missing = cur.missingGroup(a);
        if (missing != null) return ModuleResult.failed("Group " + missing + " does not exist").put("name", name);
        boolean create = cur.passwd() == null;
        if (create && ctx.check()) return ModuleResult.changed(true);
        List<String> change = create ? UserCommands.useradd(a) : UserCommands.usermod(a, cur);
        boolean password = a.has("password") && (create || passwordChanges(a, cur));
        boolean lockNew = create && a.bool("password_lock") && !a.has("password");
        boolean home = !create && a.bool("create_home") && !cur.homeExists();
        boolean changed = !change.isEmpty() || password || home;
        if (lockNew) change = List.of(String.join(" ", change), "&& usermod -L " + UserState.q(name));
        if (create) r.put("system", a.bool("system")).put("create_home", a.bool("create_home"));
        else r.put("append", a.bool("append")).put("move_home", a.bool("move_home"));
        if (a.has("password")) r.put("password", "NOT_LOGGING_PASSWORD");
        String[] info = cur.passwd();
        if (changed && !ctx.check()) {
            ExecResult res = apply(a, ctx, change, password, home ? cur : null);
            if (!res.ok()) return ModuleResult.failed(res.err().strip()).put("name", name).put("rc", (long) res.rc());
            info = UserState.passwdLine(res.out());
            if (!res.err().isBlank()) r.put("stderr", res.err());
        }
        r.setChanged(changed);
        if (info != null) {
            r.put("uid", Long.parseLong(info[2])).put("group", Long.parseLong(info[3])).put("comment", info[4])
                    .put("home", info[5]).put("shell", info[6]);
        }
        if (a.has("groups")) r.put("groups", String.join(",", a.strings("groups")));
        if (a.bool("generate_ssh_key") && info != null) return UserSshKey.apply(a, ctx, info, r);
        return r;
    }

    /** Whether the managed hash differs from the shadow one (lock marks ignored, as Ansible compares). */
    static boolean passwordChanges(ModuleArgs a, UserState cur) {
        return a.has("password") && a.str("update_password").equals("always")
                && !stripLock(a.str("password")).equals(stripLock(cur.hash()));
    }

    private static String stripLock(String hash) {
        return hash == null ? "" : hash.replaceFirst("^!+", "");
    }

    private static ExecResult apply(ModuleArgs a, ModuleContext ctx, List<String> change, boolean password, UserState missingHome)
            throws ConnectionException {
        StringBuilder sb = new StringBuilder("set -e; ");
        if (!change.isEmpty()) sb.append(String.join(" ", change)).append(" >&2; ");
        if (missingHome != null) sb.append(UserCommands.makeHome(a, missingHome)).append("; ");
        if (password) sb.append("chpasswd -e; ");
        sb.append("getent passwd ").append(UserState.q(a.str("name")));
        ExecRequest req = ExecRequest.of(sb.toString());
        String hash = (a.bool("password_lock") ? "!" : "") + stripLock(a.str("password"));
        if (password) req = req.withStdin((a.str("name") + ":" + hash + "\n").getBytes(StandardCharsets.UTF_8));
        return ctx.exec(req);
    }
}
