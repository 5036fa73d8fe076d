package dev.jplay.modules.packages;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.probes.Probes;

/**
 * Fetching a repository signing key on the host: download to a temp file, name the keyring {@code .asc} when
 * armored or {@code .gpg} otherwise, and compare checksums with the installed copy.
 */
final class KeyFetch {
    private KeyFetch() {}

    /** What the fetch found: the temp file, the keyring file it belongs in, and whether that file differs. */
    record Result(String tmp, String file, boolean changed) {}

    /** Prints {@code TMP FILE same|differs}; fails with curl's message. */
    static String script(String url, String base) {
        String b = ShellCommand.quote(base);
        return "t=$(mktemp) && curl -fsSL " + ShellCommand.quote(url) + " -o \"$t\" 2>&1 || { rm -f \"$t\"; exit 1; }; "
                + "if grep -q 'BEGIN PGP PUBLIC KEY BLOCK' \"$t\"; then f=" + b + ".asc; else f=" + b + ".gpg; fi; "
                + "if [ \"$(sha256sum < \"$t\")\" = \"$(sha256sum < \"$f\" 2>/dev/null)\" ]; then s=same; rm -f \"$t\"; else s=differs; fi; "
                + "echo \"$t $f $s\"";
    }

    static Result parse(Probes.Part p) {
        if (!p.ok()) return null;
        String[] f = p.out().strip().split(" ");
        return f.length == 3 ? new Result(f[0], f[1], f[2].equals("differs")) : null;
    }

    /** Moves the fetched key into place (mode 0644, directory 0755). */
    static String install(Result r) {
        String file = ShellCommand.quote(r.file());
        return "mkdir -p -m 0755 \"$(dirname " + file + ")\" && chmod 0644 " + ShellCommand.quote(r.tmp()) + " && mv "
                + ShellCommand.quote(r.tmp()) + " " + file;
    }
}
