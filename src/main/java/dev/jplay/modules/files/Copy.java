package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code copy}: put a controller file, a directory tree, inline content or a host file at a host path. */
public final class Copy implements Module {
    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("copy")
            .doc("Copy files to remote locations",
                    "Copies a file or directory tree from the controller (or from the host with remote_src), or writes "
                    + "inline content. Checksums are compared first: unchanged files are never transferred.")
            .diff(true)
            .param(Param.of("src").path().doc("Controller file or directory (trailing slash: copy its contents)."))
            .param(Param.of("content").str().noLog().doc("Inline content to write (instead of src)."))
            .param(Param.of("dest").path().required().doc("Host path; a directory or a path ending in / receives the file."))
            .param(Param.of("remote_src").bool().def(false).doc("src is on the host."))
            .param(Param.of("force").bool().def(true).aliases("thirsty").doc("Replace a different existing file."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the replaced file."))
            .param(Param.of("validate").str().doc("Command run on the new file before it replaces dest (%s is its path)."))
            .param(Param.of("directory_mode").raw().doc("Mode of directories created by a recursive copy."))
            .param(Param.of("follow").bool().def(false).doc("Follow a dest symlink."))
            .param(Param.of("local_follow").bool().def(true).doc("Follow controller symlinks."))
            .param(Param.of("checksum").str().doc("Expected sha1 of the file to transfer."))
            .param(Param.of("decrypt").bool().def(true).doc("Decrypt vaulted sources.")))
            .mutuallyExclusive("src", "content")
            .requiredOneOf("src", "content")
            .returns("dest", "destination path", "success").returns("src", "source", "changed")
            .returns("checksum", "sha1 of the file", "success").returns("md5sum", "md5 of the file", "when supported")
            .returns("mode", "permissions, e.g. '0644'", "success").returns("owner", "owner name", "success")
            .returns("backup_file", "the backup written", "changed and backup")
            .performance("1 round trip when nothing changed; changed files: probe, put, stat")
            .example("- ansible.builtin.copy:\n    src: files/app.conf\n    dest: /etc/app/app.conf\n    mode: '0644'\n    backup: true")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String dest = a.str("dest");
        if (a.has("content")) {
            if (dest.endsWith("/")) return ModuleResult.failed("can not use content with a dir as dest");
            byte[] data = Texts.bytes(a.str("content"));
            return ContentCopy.run(ctx, a, new ContentCopy.Source(data, null, null, null), dest);
        }
        String src = a.str("src");
        if (a.bool("remote_src")) return RemoteCopy.run(ctx, a, src, dest);
        Path local = ctx.findFile(src, "files");
        if (local == null) return ModuleResult.failed("Could not find or access '" + src + "' on the Ansible Controller.");
        if (Files.isDirectory(local)) return TreeCopy.fromController(ctx, a, local, src.endsWith("/"), dest);
        try {
            byte[] data = Files.readAllBytes(local);
            if (a.bool("decrypt") && Decrypter.isVault(data)) {
                try {
                    data = ctx.vault().decryptBytes(new String(data, StandardCharsets.US_ASCII), Loc.of(local.toString()));
                } catch (SourceException e) {
                    return ModuleResult.failed(e.getMessage() + " on " + local);
                }
            }
            Integer mode = (Integer) Files.getAttribute(local, "unix:mode") & 07777;
            return ContentCopy.run(ctx, a, new ContentCopy.Source(data, local.toString(), local.getFileName().toString(), mode), dest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
