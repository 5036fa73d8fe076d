package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;

/**
 * {@code generate_ssh_key} of the user module: one command creates {@code ~/.ssh} and the key pair (owned by the
 * user) unless the key exists, then prints the fingerprint and public key for {@code ssh_fingerprint},
 * {@code ssh_key_file} and {@code ssh_public_key}. Keys with a passphrase are not supported (it would have to
 * go on ssh-keygen's argv).
 */
final class UserSshKey {
    private static final String MADE = "__JPLAY_KEY_MADE__";
    private static final String EXISTS = "__JPLAY_KEY_EXISTS__";
    private static final String PUB = "__JPLAY_KEY_PUB__";

    private UserSshKey() {}

    /** Adds the key keys to {@code r}; sets changed when a key was (or would be) generated. */
    static ModuleResult apply(ModuleArgs a, ModuleContext ctx, String[] passwd, ModuleResult r) throws ConnectionException {
        if (a.has("ssh_key_passphrase")) return r.fail("ssh_key_passphrase is not supported by jplay (it would reach ssh-keygen's argv)");
        String type = a.str("ssh_key_type", "rsa");
        String rel = a.str("ssh_key_file", ".ssh/id_" + type);
        String file = rel.startsWith("/") ? rel : passwd[5] + "/" + rel;
        String f = UserState.q(file);
        String owner = passwd[2] + ":" + passwd[3];
        long bits = a.integer("ssh_key_bits", 0);
        String comment = a.has("ssh_key_comment") ? UserState.q(a.str("ssh_key_comment")) : "\"ansible-generated on $(hostname)\"";
        String make = ctx.check() ? "echo " + MADE
                : "d=$(dirname " + f + "); { [ -d \"$d\" ] || { mkdir -m 0700 \"$d\" && chown " + owner + " \"$d\"; }; } && "
                + "ssh-keygen -q -t " + UserState.q(type) + (bits > 0 ? " -b " + bits : "") + " -C " + comment + " -f " + f
                + " -N '' </dev/null >&2 && chown " + owner + " " + f + " " + f + ".pub && echo " + MADE;
        String script = (a.bool("force") ? "rm -f " + f + " " + f + ".pub; " : "")
                + "if [ -e " + f + " ]; then echo " + EXISTS + "; else " + make + " || exit 1; fi; "
                + "ssh-keygen -l -f " + f + ".pub 2>&1; echo " + PUB + "; cat " + f + ".pub 2>/dev/null; true";
        ExecResult res = ctx.sh(script);
        if (!res.ok()) return r.fail(res.err().strip()).put("rc", (long) res.rc());
        String out = res.out();
        // an existing key is kept without a word (user.py 2.14 returns rc None; the warning came in a later release)
        if (!out.startsWith(EXISTS)) r.setChanged(true);
        int pub = out.indexOf(PUB);
        String fingerprint = out.substring(out.indexOf('\n') + 1, pub).strip();
        return r.put("ssh_fingerprint", fingerprint).put("ssh_key_file", file).put("ssh_public_key", out.substring(pub + PUB.length()).strip());
    }
}
