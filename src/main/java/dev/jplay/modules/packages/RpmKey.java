package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code rpm_key}: imports ({@code rpm --import}) or erases ({@code rpm --erase gpg-pubkey-ID}) a GPG key in the rpm
 * database, as ansible-core 2.14's module does: the key is a URL, a key id, or a file on the host; its id comes from
 * {@code gpg --with-colons}, and it counts as imported when that id is in the listing of the {@code gpg-pubkey}
 * packages' descriptions. jplay also takes the armored key text itself (2.14 fails with "Not a valid key"). One round
 * trip ({@code rpm_key.sh}).
 */
public final class RpmKey implements Module {
    private static final HostScript SCRIPT = HostScript.load(RpmKey.class, "rpm_key.sh");
    private static final Pattern KEY_ID = Pattern.compile("(?i)(0x)?[0-9a-f]{8}.*", Pattern.DOTALL);
    private static final Pattern ARMORED = Pattern.compile(
            ".*?-----BEGIN PGP PUBLIC KEY BLOCK-----.*?-----END PGP PUBLIC KEY BLOCK-----.*", Pattern.DOTALL);
    private static final ModuleSpec SPEC = ModuleSpec.builder("rpm_key").fqcn("ansible.builtin.rpm_key", "ansible.legacy.rpm_key")
            .doc("Adds or removes a gpg key from the rpm db", "Adds (rpm --import) or removes a gpg key in the rpm database of the host "
                    + "(rpm and gpg or gpg2 on the host).")
            .param(Param.of("key").str().required().doc("A URL, a file on the host, a key id already in the database, or the armored "
                    + "key text (a jplay extension)."))
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("validate_certs").bool().def(true).doc("If false and the key is an https URL, the certificate is not validated."))
            .param(Param.of("fingerprint").str().doc("The long-form fingerprint the key must have before it is imported."))
            .performance("1 round trip")
            .example("- ansible.builtin.rpm_key:\n    key: /path/to/RPM-GPG-KEY.dag.txt\n"
                    + "    fingerprint: EBC6 E12C 62B1 C734 026B  2122 A20E 5214 6B8D 79E6")
            .build();

    private final String dbpath;

    /** The host's rpm database. */
    public RpmKey() {
        this(null);
    }

    /** The rpm database in {@code dbpath} (rpm --dbpath); for tests. */
    public RpmKey(String dbpath) {
        this.dbpath = dbpath;
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String key = a.str("key");
        String fingerprint = a.str("fingerprint");
        HostScript.Fields f = SCRIPT.run(ctx, HostScript.vars("KIND", kind(key), "KEY", key, "STATE", a.str("state"),
                "FPR", fingerprint == null ? null : fingerprint.replace(" ", "").toUpperCase(Locale.ROOT),
                "INSECURE", a.bool("validate_certs") ? "0" : "1", "CHECK", ctx.check() ? "1" : "0", "DBPATH", dbpath));
        if (f.all().isEmpty()) return f.printedNothing("rpm_key");
        ModuleResult failed = f.reportedFailure();
        return failed != null ? failed : ModuleResult.changed(f.has("changed"));
    }

    /** How Ansible reads {@code key}: a URL, a key id (8 hex digits first), else a file; armored text for jplay. */
    static String kind(String key) {
        if (key.contains("://")) return "url";
        if (KEY_ID.matcher(key).matches()) return "id";
        return ARMORED.matcher(key).matches() ? "text" : "path";
    }
}
