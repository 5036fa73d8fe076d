package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.Probes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code apt_key}: adds or removes a key in apt's keyring with {@code apt-key}. Without {@code id} the key id is
 * read from the key itself ({@code gpg --with-colons}); one round trip reads that and the keyring, one applies the
 * change and lists the keyring again.
 */
public final class AptKey implements Module {
    private static final String LANG = "LANG=C LC_ALL=C LC_MESSAGES=C ";
    private final ModuleSpec spec = ModuleSpec.builder("apt_key").fqcn("ansible.builtin.apt_key")
            .doc("Add or remove an apt key", "Adds or removes a key from apt's keyring (apt-key; deprecated by Debian in "
                    + "favour of signed-by keyrings, see deb822_repository).")
            .param(Param.of("id").str()).param(Param.of("url").str()).param(Param.of("data").str()).param(Param.of("file").path())
            .param(Param.of("keyring").path()).param(Param.of("keyserver").str())
            .param(Param.of("validate_certs").bool().def(true))
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .mutuallyExclusive("data", "file", "keyserver", "url")
            .returns("id", "the key id", "always").returns("short_id", "last 8 characters", "always")
            .returns("fp", "last 16 characters", "always").returns("key_id", "the id as given", "always")
            .returns("before", "key ids before", "always").returns("after", "key ids after", "on change")
            .performance("1 round trip to read, 1 to change and re-list")
            .example("- ansible.builtin.apt_key:\n    url: https://example.org/key.asc\n    state: present")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String keyring = a.has("keyring") ? " --keyring " + ShellCommand.quote(a.str("keyring")) : "";
        String list = LANG + "apt-key" + keyring + " adv --list-public-keys --keyid-format=long";
        String id = a.str("id");
        String source = null;
        if (id == null) {
            if (a.has("keyserver")) return ModuleResult.failed("Missing key_id, required with keyserver.");
            source = fetch(a);
        }
        List<Probes.Part> p = Probes.run(ctx, source == null ? "true" : LANG + source + " | gpg --with-colons 2>/dev/null", list + " 2>&1");
        if (id == null && source != null) {
            List<String> ids = keys(p.get(0).out());
            id = ids.isEmpty() ? null : ids.get(0);
        }
        ModuleResult r = ModuleResult.ok().put("id", id);
        if (id == null) return r.fail("Unable to continue as we could not extract a valid fingerprint to compare against existing keys.");
        String key = id.toUpperCase(Locale.ROOT).replaceFirst("^0X", "");
        if (!key.matches("[0-9A-F]+") || key.length() != 8 && key.length() != 16 && key.length() <= 16) return r.fail("Invalid key_id");
        String shortId = key.substring(key.length() - 8);
        String fp = key.length() > 16 ? key.substring(key.length() - 16) : key;
        r.put("short_id", shortId).put("fp", fp).put("key_id", key);
        if (!p.get(1).ok()) return r.fail("Unable to list public keys").put("stdout", p.get(1).out());
        boolean shortFormat = key.length() == 8;
        List<String> before = shorten(keys(p.get(1).out()), shortFormat);
        r.put("before", before);
        boolean present = before.contains(shortFormat ? shortId : fp);
        boolean want = a.str("state").equals("present");
        if (present == want) return r;
        r.setChanged(true);
        if (ctx.check()) return r;
        String cmd = want ? add(a, keyring, key) : LANG + "apt-key" + keyring + " del " + shortId;
        ExecRequest req = ExecRequest.of("{ " + cmd + "; } >&2 || exit $?; " + list);
        if (want && a.has("data")) req = req.withStdin(a.str("data").getBytes(StandardCharsets.UTF_8));
        ExecResult res = ctx.exec(req);
        if (!res.ok()) return r.fail(want ? "Unable to add a key" : "Unable to remove a key with id " + shortId).put("stderr", res.err());
        List<String> after = shorten(keys(res.out()), shortFormat);
        r.put("after", after);
        if (after.contains(shortFormat ? shortId : fp) != want) {
            return r.fail("apt-key did not return an error, but " + (want ? "failed to add the key" : "the key was not removed")
                    + " (check that the id is correct and *not* a subkey)");
        }
        return r;
    }

    /** A command printing the key material (URL, file or inline data), or null when there is none. */
    private static String fetch(ModuleArgs a) {
        if (a.has("url")) return "curl -fsSL" + (a.bool("validate_certs") ? "" : " -k") + " " + ShellCommand.quote(a.str("url"));
        if (a.has("file")) return "cat " + ShellCommand.quote(a.str("file"));
        if (a.has("data")) return "printf '%s\\n' " + ShellCommand.quote(a.str("data"));
        return null;
    }

    private static String add(ModuleArgs a, String keyring, String key) {
        String aptKey = LANG + "apt-key" + keyring;
        if (a.has("file")) return aptKey + " add " + ShellCommand.quote(a.str("file"));
        if (a.has("keyserver")) return aptKey + " adv --no-tty --keyserver " + ShellCommand.quote(a.str("keyserver")) + " --recv " + key;
        if (a.has("data")) return aptKey + " add -";
        return fetch(a) + " | " + aptKey + " add -";
    }

    /** Key ids from {@code pub}/{@code sub} lines, in apt-key's ({@code rsa4096/ID}) or gpg's colon format. */
    static List<String> keys(String out) {
        List<String> found = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!(line.startsWith("pub") || line.startsWith("sub")) || line.contains("expired")) continue;
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length > 1 && tokens[1].contains("/")) found.add(tokens[1].substring(tokens[1].indexOf('/') + 1));
            else if (line.split(":").length > 4) found.add(line.split(":")[4]);
        }
        return found;
    }

    private static List<String> shorten(List<String> ids, boolean shortFormat) {
        return shortFormat ? ids.stream().map(k -> k.substring(Math.max(0, k.length() - 8))).toList() : ids;
    }
}
