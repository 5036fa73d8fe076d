package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.modules.probes.Fact;
import dev.jplay.modules.probes.HostFiles;
import dev.jplay.modules.probes.Probes;
import java.util.List;
import java.util.Locale;

/**
 * {@code deb822_repository}: writes {@code sources.list.d/<slug>.sources} in deb822 format with Ansible's field
 * order and names; a {@code signed_by} URL is fetched on the host into {@code keyrings/<slug>.asc|.gpg}. One
 * round trip reads the current file, its mode and the key; writes happen only when they differ.
 */
public final class Deb822Repository implements Module {
    /** Deb822 fields in the order Ansible writes them. */
    private static final List<String> FIELDS = List.of("allow_downgrade_to_insecure", "allow_insecure", "allow_weak",
            "architectures", "by_hash", "check_date", "check_valid_until", "components", "date_max_future", "enabled",
            "inrelease_path", "languages", "name", "pdiffs", "signed_by", "suites", "targets", "trusted", "types", "uris");
    private final String sourcesDir;
    private final String keyringsDir;
    private final ModuleSpec spec;

    public Deb822Repository() {
        this("/etc/apt/sources.list.d", "/etc/apt/keyrings");
    }

    /** Writes under other directories; for tests. */
    public Deb822Repository(String sourcesDir, String keyringsDir) {
        this.sourcesDir = sourcesDir;
        this.keyringsDir = keyringsDir;
        ModuleSpec.Builder b = ModuleSpec.builder("deb822_repository").fqcn("ansible.builtin.deb822_repository")
                .doc("Add and remove deb822 formatted repositories", "Writes a .sources file; does not update the apt cache.");
        for (String f : FIELDS) b.param(param(f));
        this.spec = b.param(Param.of("mode").raw().def("0644"))
                .param(Param.of("state").str().def("present").choices("present", "absent"))
                .param(Param.of("install_python_debian").bool().def(false).doc("Ignored: no Python needed."))
                .returns("repo", "the file's content", "success").returns("dest", "the .sources path", "always")
                .returns("key_filename", "the keyring file written for signed_by", "when signed_by is a URL")
                .performance("1 round trip to read, 1 per file written")
                .example("- ansible.builtin.deb822_repository:\n    name: docker\n    types: [deb]\n    uris: https://download.docker.com/linux/ubuntu\n"
                        + "    suites: [jammy]\n    components: [stable]\n    signed_by: https://download.docker.com/linux/ubuntu/gpg")
                .build();
    }

    private static Param param(String f) {
        return switch (f) {
            case "architectures", "components", "languages", "suites", "targets", "uris" -> Param.of(f).list(ParamType.STR).build();
            case "types" -> Param.of(f).list(ParamType.STR).def(List.of("deb")).choices("deb", "deb-src").build();
            case "date_max_future" -> Param.of(f).integer().build();
            case "inrelease_path", "signed_by" -> Param.of(f).str().build();
            case "name" -> Param.of(f).str().required().build();
            default -> Param.of(f).bool().build();
        };
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String slug = a.str("name").toLowerCase(Locale.ROOT).replaceAll("[_\\s]+", "-").replaceAll("[^a-z0-9-]+", "");
        String dest = sourcesDir + "/" + slug + ".sources";
        String key = a.str("signed_by");
        boolean url = key != null && key.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        String q = ShellCommand.quote(dest);
        Fact<String> current = Fact.fileText(dest);
        Fact<String> perms = Fact.mode(dest);
        Fact<Probes.Part> fetch = Fact.raw(url ? KeyFetch.script(key, keyringsDir + "/" + slug) : "true");
        Fact<List<String>> keys = Fact.lines("ls " + ShellCommand.quote(keyringsDir + "/" + slug) + ".asc "
                + ShellCommand.quote(keyringsDir + "/" + slug) + ".gpg 2>/dev/null");
        Probes.Values v = Probes.read(ctx, current, perms, fetch, keys);
        if (a.str("state").equals("absent")) return absent(ctx, dest, v.get(current) != null, v.get(keys), keyringsDir + "/" + slug);
        KeyFetch.Result fetched = url ? KeyFetch.parse(v.get(fetch)) : null;
        if (url && fetched == null) return ModuleResult.failed("Could not fetch signed_by key: " + v.get(fetch).out().strip());
        String signedBy = url ? fetched.file() : key;
        String repo = render(a, signedBy);
        boolean changed = url && fetched.changed();
        boolean write = v.get(current) == null || !v.get(current).equals(repo);
        String mode = mode(a.get("mode"));
        boolean chmod = !write && !mode.replaceFirst("^0+(?=.)", "").equals(v.get(perms));
        changed |= write || chmod;
        ModuleResult r = ModuleResult.changed(changed).put("repo", repo).put("dest", dest).put("key_filename", url ? fetched.file() : null);
        if (ctx.check()) {
            if (url && fetched.changed()) ctx.sh("rm -f " + ShellCommand.quote(fetched.tmp()));
            return r;
        }
        if (url && fetched.changed()) ctx.sh(KeyFetch.install(fetched));
        if (write) HostFiles.write(ctx, dest, repo, mode);
        if (chmod) ctx.sh("chmod " + mode + " " + q);
        return r;
    }

    private static ModuleResult absent(ModuleContext ctx, String dest, boolean exists, List<String> keys, String keyBase)
            throws ConnectionException {
        boolean changed = exists || !keys.isEmpty();
        if (changed && !ctx.check()) {
            StringBuilder rm = new StringBuilder("rm -f ").append(ShellCommand.quote(dest));
            for (String k : keys) rm.append(' ').append(ShellCommand.quote(k));
            ctx.sh(rm.toString());
        }
        return ModuleResult.changed(changed).put("repo", null).put("dest", dest).put("key_filename", keyBase + ".gpg");
    }

    /** The deb822 stanza: {@code Field: value} lines; multi-line values indented, blank lines as {@code .}. */
    private static String render(ModuleArgs a, String signedBy) {
        StringBuilder sb = new StringBuilder();
        for (String f : FIELDS) {
            Object v = f.equals("signed_by") ? signedBy : a.get(f);
            if (v == null) continue;
            String value = v instanceof Boolean b ? (b ? "yes" : "no") : v instanceof List<?> l ? String.join(" ", a.strings(f)) : v.toString();
            if (value.contains("\n")) {
                StringBuilder m = new StringBuilder();
                for (String line : value.strip().split("\n")) m.append("\n    ").append(line.strip().isEmpty() ? "." : line.strip());
                sb.append(fieldName(f)).append(':').append(m).append('\n');
            } else {
                sb.append(fieldName(f)).append(": ").append(value).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fieldName(String f) {
        if (f.equals("name")) return "X-Repolib-Name";
        if (f.equals("uris")) return "URIs";
        StringBuilder sb = new StringBuilder();
        for (String part : f.split("_")) {
            if (!sb.isEmpty()) sb.append('-');
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    static String mode(Object m) {
        if (m == null) return "0644";
        if (m instanceof Number n) return "0" + Long.toOctalString(n.longValue());
        return m.toString();
    }
}
