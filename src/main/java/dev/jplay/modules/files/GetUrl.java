package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.List;
import java.util.Locale;

/**
 * {@code get_url}: download a URL on the host itself (curl, else wget) into a temporary file beside dest, compare its
 * sha1 with dest's, and move it into place only when it differs. With {@code checksum} an existing matching dest is
 * not downloaded again.
 */
public final class GetUrl implements Module {
    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("get_url")
            .doc("Downloads files from HTTP, HTTPS, or FTP to node", "Downloads on the host with curl (or wget); the file "
                    + "replaces dest only when its content differs. checksum: '<algorithm>:<hex>' is verified.")
            .param(Param.of("url").str().required().doc("HTTP, HTTPS or FTP URL."))
            .param(Param.of("dest").path().required().doc("Host file, or directory (the URL's file name is used)."))
            .param(Param.of("force").bool().def(false).aliases("thirsty").doc("Download even when dest matches checksum."))
            .param(Param.of("checksum").str().def("").doc("'<algorithm>:<hex>', e.g. sha256:9f86d0..."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the replaced file."))
            .param(Param.of("timeout").integer().def(10L).doc("Request timeout in seconds."))
            .param(Param.of("headers").dict().doc("Request headers."))
            .param(Param.of("url_username").str().aliases("username").doc("HTTP basic auth user."))
            .param(Param.of("url_password").str().noLog().aliases("password").doc("HTTP basic auth password (never on argv)."))
            .param(Param.of("validate_certs").bool().def(true).doc("Verify TLS certificates."))
            .param(Param.of("force_basic_auth").bool().def(false).doc("Send basic auth up front."))
            .param(Param.of("use_proxy").bool().def(true).doc("Use the host's proxy environment."))
            .param(Param.of("http_agent").str().def("ansible-httpget").doc("User-Agent header."))
            .param(Param.of("tmp_dest").path().doc("Accepted; the temporary file is always beside dest."))
            .param(Param.of("sha256sum").str().def("").doc("Deprecated: use checksum.")))
            .returns("dest", "destination path", "success").returns("checksum_src", "sha1 of the download", "success")
            .returns("checksum_dest", "sha1 of the replaced file", "success").returns("status_code", "HTTP status", "success")
            .performance("1 round trip when dest matches checksum; else probe, download, move")
            .example("- ansible.builtin.get_url:\n    url: https://example.com/tool.tar.gz\n    dest: /opt/tool.tar.gz\n"
                    + "    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n    mode: '0644'")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String url = a.str("url");
        String checksum = a.str("checksum");
        if (checksum.isEmpty() && !a.str("sha256sum").isEmpty()) checksum = "sha256:" + a.str("sha256sum");
        String algorithm = null;
        String expected = null;
        if (!checksum.isEmpty()) {
            int i = checksum.indexOf(':');
            if (i < 0) return ModuleResult.failed("The checksum parameter has to be in format <algorithm>:<checksum>");
            algorithm = checksum.substring(0, i).toLowerCase(Locale.ROOT);
            expected = checksum.substring(i + 1).toLowerCase(Locale.ROOT).strip();
            if (!List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512").contains(algorithm) || !expected.matches("[0-9a-f]+")) {
                return ModuleResult.failed("The checksum format is invalid");
            }
        }
        String dest = a.str("dest");
        String named = ShellDirs.join(dest, Download.fileName(url));
        PathProbe.Result pr = PathProbe.run(ctx, List.of(dest, named), "c", algorithm == null ? "" : Download.digestCommands(algorithm, dest, named));
        FileState st = pr.state(0);
        if (st.isDir()) {
            dest = named;
            st = pr.state(1);
        }
        ModuleResult r = ModuleResult.changed(false).put("url", url).put("dest", dest);
        if (st.exists() && !a.bool("force") && expected != null && expected.equals(Download.digestOf(pr.tail(), pr.state(0).isDir() ? 1 : 0))) {
            Attrs.Plan plan = Attrs.of(a).plan(st);
            if (plan.changed() && !ctx.check()) FileOps.run(ctx, plan.commands());
            r.setChanged(plan.changed()).msg(plan.changed() ? "file already exists but file attributes changed" : "file already exists");
            return plan.result().addPathInfo(r);
        }
        return Download.fetch(ctx, a, r, dest, st, algorithm, expected);
    }
}
