package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code yum_repository}: one section of a {@code .repo} file in {@code reposdir}, as Ansible 2.14 writes it with
 * Python's configparser (the section rewritten with its options sorted, {@code key = value}, continuation lines
 * tab-indented, booleans as 1/0; the file removed when no section is left), changed only when the sorted dump of
 * the file differs, and that dump as the diff. File attributes as every file module.
 */
public final class YumRepository implements Module {
    private static final List<String> ALLOWED = List.of("async", "bandwidth", "baseurl", "cost", "deltarpm_metadata_percentage",
            "deltarpm_percentage", "enabled", "enablegroups", "exclude", "failovermethod", "gpgcakey", "gpgcheck", "gpgkey",
            "module_hotfixes", "http_caching", "include", "includepkgs", "ip_resolve", "keepalive", "keepcache", "metadata_expire",
            "metadata_expire_filter", "metalink", "mirrorlist", "mirrorlist_expire", "name", "password", "priority", "protect", "proxy",
            "proxy_password", "proxy_username", "repo_gpgcheck", "retries", "s3_enabled", "skip_if_unavailable", "sslcacert",
            "ssl_check_cert_permissions", "sslclientcert", "sslclientkey", "sslverify", "throttle", "timeout", "ui_repoid_vars", "username");
    private static final List<String> BOOLS = List.of("async", "enabled", "enablegroups", "gpgcheck", "module_hotfixes", "keepalive", "protect",
            "repo_gpgcheck", "s3_enabled", "skip_if_unavailable", "ssl_check_cert_permissions", "sslverify");
    private static final ModuleSpec SPEC = buildSpec();

    private static ModuleSpec buildSpec() {
        ModuleSpec.Builder b = ModuleSpec.builder("yum_repository").fqcn("ansible.builtin.yum_repository", "ansible.legacy.yum_repository")
                .doc("Add or remove YUM repositories", "Add or remove YUM repositories in RPM-based Linux distributions (a section of a "
                        + ".repo file).")
                .param(Param.of("name").str().required().doc("Unique repository ID (the section name)."))
                .param(Param.of("description").str().doc("A human-readable string describing the repository (its name option)."))
                .param(Param.of("baseurl").list(ParamType.STR).doc("URL to the directory where the yum repository's 'repodata' directory lives."))
                .param(Param.of("gpgkey").list(ParamType.STR).doc("A URL pointing to the ASCII-armored GPG key file for the repository."))
                .param(Param.of("exclude").list(ParamType.STR).doc("Packages to exclude from updates or installs."))
                .param(Param.of("includepkgs").list(ParamType.STR).doc("The only packages to use from this repository."))
                .param(Param.of("failovermethod").str().choices("roundrobin", "priority"))
                .param(Param.of("http_caching").str().choices("all", "packages", "none"))
                .param(Param.of("ip_resolve").str().choices("4", "6", "IPv4", "IPv6", "whatever"))
                .param(Param.of("keepcache").str().choices("0", "1"))
                .param(Param.of("metadata_expire_filter").str().choices("never", "read-only:past", "read-only:present", "read-only:future"))
                .param(Param.of("password").str().noLog()).param(Param.of("proxy_password").str().noLog())
                .param(Param.of("sslcacert").str().aliases("ca_cert")).param(Param.of("sslclientcert").str().aliases("client_cert"))
                .param(Param.of("sslclientkey").str().aliases("client_key")).param(Param.of("sslverify").bool().aliases("validate_certs"))
                .param(Param.of("file").str().doc("File name without the .repo extension (default: the name)."))
                .param(Param.of("reposdir").path().def("/etc/yum.repos.d").doc("Directory where the .repo files are stored."))
                .param(Param.of("state").str().def("present").choices("present", "absent"))
                .param(Param.of("params").dict().doc("Removed in Ansible 2.5: refused."));
        for (String k : BOOLS) if (!k.equals("sslverify")) b.param(Param.of(k).bool());
        for (String k : List.of("bandwidth", "cost", "deltarpm_metadata_percentage", "deltarpm_percentage", "gpgcakey", "include",
                "metadata_expire", "metalink", "mirrorlist", "mirrorlist_expire", "priority", "proxy", "proxy_username", "retries", "throttle",
                "timeout", "ui_repoid_vars", "username")) {
            b.param(Param.of(k).str());
        }
        return Attrs.params(b).diff(true).returns("repo", "repository name", "success").returns("state", "state of the target", "success")
                .example("- ansible.builtin.yum_repository:\n    name: epel\n    description: EPEL YUM repo\n"
                        + "    baseurl: https://download.fedoraproject.org/pub/epel/$releasever/$basearch/")
                .performance("1 round trip to read, 1 to write").build();
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        if (a.has("params") && !a.dict("params").isEmpty()) {
            return ModuleResult.failed("The params option to yum_repository was removed in Ansible 2.5 since it circumvents Ansible's option handling");
        }
        String repoid = a.str("name");
        boolean present = a.str("state").equals("present");
        if (present && !a.has("baseurl") && !a.has("metalink") && !a.has("mirrorlist")) {
            return ModuleResult.failed("Parameter 'baseurl', 'metalink' or 'mirrorlist' is required.");
        }
        if (present && !a.has("description")) return ModuleResult.failed("Parameter 'description' is required.");
        String dir = a.str("reposdir");
        String dest = dir.replaceAll("/+$", "") + "/" + a.str("file", repoid) + ".repo";
        PathProbe.Result probed = PathProbe.run(ctx, List.of(dest, dir), "b", "");
        if (probed.state(1).resolvedType() != FileState.Type.DIRECTORY) return ModuleResult.failed("Repo directory '" + dir + "' does not exist.");
        TextEdit.Read read = TextEdit.read(probed, 0);
        Map<String, Map<String, String>> ini = parse(read.text());
        String before = dump(ini);
        ini.remove(repoid);
        if (present) ini.put(repoid, options(a));
        String after = dump(ini);
        boolean changed = !before.equals(after);
        Attrs attrs = Attrs.of(a);
        if (changed && !ctx.check()) {
            if (ini.isEmpty()) {
                if (ctx.sh("rm -f " + ShellCommand.quote(dest)).rc() != 0) return ModuleResult.failed("Cannot remove empty repo file " + dest + ".");
            } else {
                Writer.Written w = Writer.write(ctx, dest, Texts.bytes(write(ini)), read.state(), attrs, false, null);
                if (w.failure() != null) return w.failure();
            }
        } else if (read.state().exists() && !ctx.check()) {
            Attrs.Plan plan = attrs.plan(read.state());
            if (plan.changed()) {
                FileOps.run(ctx, plan.commands());
                changed = true;
            }
        } else if (read.state().exists() && attrs.plan(read.state()).changed()) {
            changed = true;
        }
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before_header", dest);
        diff.put("before", before);
        diff.put("after_header", dest);
        diff.put("after", after);
        return ModuleResult.changed(changed).put("repo", repoid).put("state", a.str("state")).put("diff", diff);
    }

    /** The section's options as Ansible sets them: sorted by parameter, lists joined, booleans 1/0, description as name. */
    private static Map<String, String> options(ModuleArgs a) {
        Map<String, String> sorted = new TreeMap<>();
        for (String k : ALLOWED) {
            String param = k.equals("name") ? "description" : k;
            if (!a.has(param) || a.get(param) == null) continue;
            Object v = a.get(param);
            String s;
            if (k.equals("baseurl") || k.equals("gpgkey")) s = String.join("\n", a.strings(param));
            else if (k.equals("exclude") || k.equals("includepkgs")) s = String.join(" ", a.strings(param));
            else if (v instanceof Boolean bool) s = bool ? "1" : "0";
            else s = a.str(param);
            sorted.put(k, s);
        }
        return new LinkedHashMap<>(sorted);
    }

    /** configparser's reading: sections, lower-cased keys, {@code =} or {@code :}, continuation lines, comments dropped. */
    static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> ini = new LinkedHashMap<>();
        Map<String, String> cur = null;
        String lastKey = null;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            if (cur != null && lastKey != null && Character.isWhitespace(line.charAt(0))) {
                String prev = cur.get(lastKey);
                cur.put(lastKey, prev.isEmpty() ? t : prev + "\n" + t);
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                cur = ini.computeIfAbsent(t.substring(1, t.length() - 1), k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (cur == null) continue;
            int eq = indexOfSep(t);
            String k = (eq < 0 ? t : t.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            cur.put(k, eq < 0 ? "" : t.substring(eq + 1).strip());
            lastKey = k;
        }
        return ini;
    }

    private static int indexOfSep(String s) {
        int e = s.indexOf('=');
        int c = s.indexOf(':');
        if (e < 0) return c;
        if (c < 0) return e;
        return Math.min(e, c);
    }

    /** The module's dump: sections and keys sorted, {@code key = value}, a blank line after each section. */
    static String dump(Map<String, Map<String, String>> ini) {
        StringBuilder sb = new StringBuilder();
        for (String s : new TreeMap<>(ini).keySet()) {
            sb.append('[').append(s).append("]\n");
            new TreeMap<>(ini.get(s)).forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** configparser's write: sections in order, continuation lines tab-indented. */
    static String write(Map<String, Map<String, String>> ini) {
        StringBuilder sb = new StringBuilder();
        ini.forEach((s, opts) -> {
            sb.append('[').append(s).append("]\n");
            opts.forEach((k, v) -> sb.append(k).append(" = ").append(v.replace("\n", "\n\t")).append('\n'));
            sb.append('\n');
        });
        return sb.toString();
    }

}
