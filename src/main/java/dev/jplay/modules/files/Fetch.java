package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code fetch}: copy a host file to the controller, into {@code dest/HOST/path} (or {@code dest} with {@code flat}).
 * The host's sha1 is read first; the file is only transferred when the controller copy differs.
 */
public final class Fetch implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("fetch")
            .doc("Fetch files from remote nodes", "Copies a host file to the controller, under dest/<inventory_hostname>/<path> "
                    + "or exactly at dest with flat=yes. Nothing is transferred when the checksums already match.")
            .param(Param.of("src").str().required().doc("The host file."))
            .param(Param.of("dest").str().required().doc("Controller directory (or file with flat)."))
            .param(Param.of("flat").bool().def(false).doc("Put the file at dest itself (dest/ receives the basename)."))
            .param(Param.of("fail_on_missing").bool().def(true).doc("Fail when src does not exist."))
            .param(Param.of("validate_checksum").bool().def(true).doc("Check the transferred file's sha1."))
            .returns("dest", "controller path", "success").returns("checksum", "sha1 of the file", "success")
            .returns("remote_checksum", "sha1 on the host", "success")
            .performance("1 round trip when unchanged; transfer when the controller copy differs")
            .example("- ansible.builtin.fetch:\n    src: /etc/ssh/ssh_host_ed25519_key.pub\n    dest: keys/")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String src = a.str("src");
        String q = quote(src);
        ExecResult r = ctx.sh("[ -e " + q + " ] || exit 3; [ -d " + q + " ] && exit 4; sha1sum < " + q + " | cut -c1-40");
        if (r.rc() == 3 || r.rc() == 4) {
            String msg = r.rc() == 3 ? "the remote file does not exist, not transferring, ignored"
                    : "remote file is a directory, fetch cannot work on directories";
            ModuleResult res = ModuleResult.ok().put("file", src).msg(msg);
            return a.bool("fail_on_missing") || r.rc() == 4 ? res.fail(msg) : res;
        }
        if (!r.ok()) return ModuleResult.failed("file is not readable: " + src).put("file", src);
        String remoteSum = r.out().strip();
        Path dest;
        try {
            dest = destination(a, ctx.host(), src);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        try {
            String localSum = Files.isRegularFile(dest) ? Texts.sha1(Files.readAllBytes(dest)) : null;
            if (remoteSum.equals(localSum)) {
                return ModuleResult.ok().put("changed", false).put("md5sum", Texts.md5(Files.readAllBytes(dest)))
                        .put("file", src).put("dest", dest.toString()).put("checksum", localSum);
            }
            if (ctx.check()) return ModuleResult.changed(true).put("dest", dest.toString()).put("remote_checksum", remoteSum);
            Files.createDirectories(dest.getParent());
            ctx.connection().get(src, dest, ctx.become());
            byte[] got = Files.readAllBytes(dest);
            String sum = Texts.sha1(got);
            ModuleResult res = ModuleResult.changed(true).put("md5sum", Texts.md5(got)).put("dest", dest.toString())
                    .put("remote_md5sum", null).put("checksum", sum).put("remote_checksum", remoteSum);
            if (a.bool("validate_checksum") && !sum.equals(remoteSum)) return res.setChanged(false).fail("checksum mismatch").put("file", src);
            return res;
        } catch (IOException e) {
            return ModuleResult.failed("Failed to fetch the file: " + e.getMessage());
        }
    }

    /** Where the file goes on the controller (Ansible's flat and dest/HOST/path rules). */
    static Path destination(ModuleArgs a, String host, String src) {
        String dest = a.str("dest");
        if (a.bool("flat")) {
            if (Files.isDirectory(Path.of(dest)) && !dest.endsWith("/")) {
                throw new IllegalArgumentException("dest is an existing directory, use a trailing slash if you want to fetch src into that directory");
            }
            if (dest.endsWith("/")) dest = dest + ShellDirs.base(src);
            return Path.of(dest).toAbsolutePath().normalize();
        }
        return Path.of(dest + "/" + host + "/" + src).toAbsolutePath().normalize();
    }
}
