package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code unarchive}: unpack a tar (gz, xz, bz2, zst) or zip archive into a host directory with the host's tar/unzip.
 * The archive is unpacked into a scratch directory first, attributes are applied there, and it is compared with
 * dest entry by entry (content, link target, mode, owner): dest is only touched when something differs, so a second
 * run reports no change and check mode reports exactly what would change.
 */
public final class Unarchive implements Module {
    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("unarchive")
            .doc("Unpacks an archive after (optionally) copying it from the local machine",
                    "Unpacks .tar, .tar.gz/.tgz, .tar.xz, .tar.bz2, .tar.zst or .zip archives (from the controller, or from the "
                    + "host with remote_src) into an existing directory; changed only when dest differs from the archive.")
            .param(Param.of("src").str().required().doc("Archive on the controller (or on the host with remote_src)."))
            .param(Param.of("dest").path().required().doc("Existing host directory to unpack into."))
            .param(Param.of("remote_src").bool().def(false).doc("src is already on the host."))
            .param(Param.of("copy").bool().def(true).doc("Deprecated inverse of remote_src."))
            .param(Param.of("creates").path().doc("Skip when this host path exists."))
            .param(Param.of("extra_opts").list(ParamType.STR).def(List.of()).doc("Extra options for tar/unzip."))
            .param(Param.of("list_files").bool().def(false).doc("Return the archive's entries as files."))
            .param(Param.of("exclude").list(ParamType.STR).def(List.of()).doc("Entries to leave out."))
            .param(Param.of("include").list(ParamType.STR).def(List.of()).doc("Only these entries."))
            .param(Param.of("keep_newer").bool().def(false).doc("Accepted; not supported."))
            .param(Param.of("io_buffer_size").integer().def(65536L).doc("Accepted; not used."))
            .param(Param.of("validate_certs").bool().def(true).doc("Accepted; URLs are not supported.")))
            .returns("dest", "the directory", "success").returns("handler", "archive handler (TgzArchive, ZipArchive, ...)", "success")
            .returns("files", "archive entries", "list_files")
            .performance("controller src: one upload plus 2 round trips; remote_src: 1 round trip when unchanged")
            .example("- ansible.builtin.unarchive:\n    src: https-dist/app-1.2.tar.gz\n    dest: /opt/app\n    creates: /opt/app/bin/app")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String src = a.str("src");
        String dest = a.str("dest");
        boolean remote = a.bool("remote_src") || !a.bool("copy");
        if (a.has("creates")) {
            ExecResult c = ctx.sh("[ -e " + quote(a.str("creates")) + " ]");
            if (c.ok()) return ModuleResult.ok().put("skipped", true).msg("skipped, since " + a.str("creates") + " exists");
        }
        String archive = src;
        if (!remote) {
            Path local = ctx.findFile(src, "files");
            if (local == null) return ModuleResult.failed("Could not find or access '" + src + "' on the Ansible Controller.");
            archive = "/tmp/.jplay-unarchive-" + UUID.randomUUID() + "-" + local.getFileName();
            ctx.put(local, archive, FileAttrs.NONE);
        }
        String handler = handler(src);
        ExecResult r = ctx.sh(Extract.script(a, archive, dest, handler.equals("ZipArchive"), ctx.check(), !remote));
        String out = r.out();
        ModuleResult res = ModuleResult.changed(false).put("dest", dest).put("src", src).put("handler", handler);
        if (out.contains("NOSRC")) return res.fail("Source '" + src + "' does not exist");
        if (out.contains("NODEST")) return res.fail("Destination '" + dest + "' is not a directory");
        if (out.contains("EMPTY")) return res.fail("Invalid archive '" + src + "', the file is 0 bytes");
        if (!r.ok()) return res.fail("failed to unpack " + archive + " to " + dest).put("stderr", r.err().strip());
        List<String> files = new ArrayList<>();
        boolean changed = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("F ")) files.add(line.substring(2));
            else if (line.startsWith("D ")) changed = true;
        }
        res.setChanged(changed);
        if (a.bool("list_files")) res.put("files", files);
        return res;
    }

    /** Ansible's handler name for an archive file name. */
    static String handler(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".zip")) return "ZipArchive";
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) return "TgzArchive";
        if (n.endsWith(".tar.xz") || n.endsWith(".txz")) return "TarXzArchive";
        if (n.endsWith(".tar.bz2") || n.endsWith(".tbz2")) return "TarBzipArchive";
        if (n.endsWith(".tar.zst")) return "TarZstdArchive";
        return "TarArchive";
    }
}
