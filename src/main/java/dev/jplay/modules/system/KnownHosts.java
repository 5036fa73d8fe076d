package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code known_hosts}: adds or removes a host's key in a known_hosts file. Plain and hashed ({@code |1|salt|hash},
 * HMAC-SHA1) entries are matched here; a key of the same type that differs is replaced. One round trip reads the
 * file, one atomic write changes it.
 */
public final class KnownHosts implements Module {
    /** known_hosts.py's test for a list of names, which it refuses. */
    private static final Pattern COMMAS = Pattern.compile("\\S+(\\s+)?,(\\s+)?");
    private static final ModuleSpec SPEC = ModuleSpec.builder("known_hosts")
            .doc("Add or remove a host from the known_hosts file", "Adds a host key to, or removes a host's keys from, a known_hosts file.")
            .param(Param.of("name").str().required().aliases("host").doc("The host (or [host]:port)."))
            .param(Param.of("key").str().doc("The key line: 'host keytype base64key [comment]'. Required for state=present."))
            .param(Param.of("path").path().def("~/.ssh/known_hosts").doc("The known_hosts file."))
            .param(Param.of("hash_host").bool().def(false).doc("Hash the host name in the added line."))
            .param(Param.of("state").str().def("present").choices("present", "absent"))
            .requiredIf("state", "present", "key").diff(true)
            .returns("diff", "before and after", "with --diff")
            .example("- ansible.builtin.known_hosts:\n    name: git.example.com\n    key: \"git.example.com ssh-ed25519 AAAA...\"")
            .performance("1 round trip to read, 1 to write").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name").toLowerCase(java.util.Locale.ROOT);
        String path = a.str("path");
        ExecResult r = ctx.sh("p=" + ShellCommand.quote(path).replaceFirst("^'~/", "\"\\$HOME\"'/")
                + "; if [ -e \"$p\" ]; then e=1; else e=0; fi; printf '%s\\n%s\\n' $e \"$p\"; cat -- \"$p\" 2>/dev/null");
        boolean exists = r.out().startsWith("1");
        String out = r.out().length() < 2 ? "" : r.out().substring(2);
        int nl = out.indexOf('\n');
        String file = nl < 0 ? path : out.substring(0, nl);
        String before = nl < 0 ? "" : out.substring(nl + 1);
        List<String> lines = new ArrayList<>(before.isEmpty() ? List.of() : List.of(before.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        boolean present = a.str("state").equals("present");
        String[] key = null;
        if (present || a.has("key")) { // with state=absent, a key removes only that key's entry
            if (COMMAS.matcher(name).find()) {
                return ModuleResult.failed("Comma separated list of names is not supported. "
                        + "Please pass a single name to lookup in the known_hosts file.");
            }
            key = a.str("key").strip().split("\\s+");
            if (key.length < 3) return ModuleResult.failed("Invalid key specified: " + a.str("key"));
            if (!matches(key[0], name)) return ModuleResult.failed("Host parameter does not match hashed host field in supplied key");
        }
        List<String> after = new ArrayList<>();
        boolean found = false;
        for (String l : lines) {
            String[] f = l.strip().split("\\s+");
            boolean forHost = f.length >= 3 && !l.startsWith("#") && matches(f[0], name);
            if (!forHost) {
                after.add(l);
            } else if (present && f[1].equals(key[1]) && f[2].equals(key[2]) && !found && sameHostField(f[0], key[0], a.bool("hash_host"))) {
                found = true;
                after.add(l);
            } else if (present && !f[1].equals(key[1])) {
                after.add(l);
            } else if (!present && key != null && !(f[1].equals(key[1]) && f[2].equals(key[2]))) {
                after.add(l);
            }
        }
        if (present && !found) {
            String host = a.bool("hash_host") && !key[0].startsWith("|1|") ? hash(name) : key[0];
            StringBuilder line = new StringBuilder(host);
            for (int i = 1; i < key.length; i++) line.append(' ').append(key[i]);
            after.add(line.toString());
        }
        String text = after.isEmpty() ? "" : String.join("\n", after) + "\n";
        // the diff is always in the result (ansible-core's known_hosts computes it whatever the diff mode), its before
        // header /dev/null for a missing file; in check mode the result is only changed and the diff, as known_hosts.py's
        // (but for a key to remove that is not there, returned before its check-mode exit)
        Diff diff = new Diff(before, text, exists ? file : "/dev/null", file);
        boolean changed = !after.equals(lines);
        boolean absentKeyNotThere = !present && key != null && !changed;
        if (ctx.check() && !absentKeyNotThere) return ModuleResult.changed(changed).diff(diff);
        ModuleResult res = ModuleResult.changed(changed).put("hash_host", a.bool("hash_host")).put("key", a.str("key"))
                .put("name", name).put("path", path).put("state", a.str("state")).diff(diff);
        if (!changed) return res;
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
        ExecResult mk = ctx.sh("[ -d " + ShellCommand.quote(dir) + " ] || mkdir -m 0700 -p " + ShellCommand.quote(dir));
        if (!mk.ok()) return ModuleResult.failed("cannot create " + dir + ": " + mk.err().strip());
        ctx.put(text.getBytes(StandardCharsets.UTF_8), file, FileAttrs.NONE);
        return res;
    }

    /**
     * Is an entry's host field the one the module would write, as known_hosts.py compares them: two hashed fields are
     * equal (the key is hashed first with hash_host), else the text must be the same; so hash_host replaces a plain
     * entry by a hashed one, and a plain key replaces a hashed entry.
     */
    static boolean sameHostField(String field, String keyField, boolean hashHost) {
        return hashHost || keyField.startsWith("|1|") ? field.startsWith("|1|") : field.equals(keyField);
    }

    /** Does a known_hosts host field (patterns, or a |1|salt|hash) name this host? */
    static boolean matches(String field, String host) {
        if (field.startsWith("|1|")) {
            String[] p = field.split("\\|");
            if (p.length < 4) return false;
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(p[2]), "HmacSHA1"));
                return Base64.getEncoder().encodeToString(mac.doFinal(host.getBytes(StandardCharsets.UTF_8))).equals(p[3]);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
        for (String pat : field.toLowerCase(java.util.Locale.ROOT).split(",")) if (pat.equals(host)) return true;
        return false;
    }

    static String hash(String host) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            Base64.Encoder b = Base64.getEncoder();
            return "|1|" + b.encodeToString(salt) + "|" + b.encodeToString(mac.doFinal(host.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
