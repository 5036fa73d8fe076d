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
import java.util.Base64;

/** {@code slurp}: a host file's content, base64-encoded, in one round trip. */
public final class Slurp implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("slurp")
            .doc("Slurps a file from remote nodes", "Returns the content of a host file base64-encoded (use b64decode).")
            .param(Param.of("src").path().required().aliases("path").doc("The host file."))
            .returns("content", "base64 content", "success").returns("encoding", "always base64", "success")
            .returns("source", "the path read", "success")
            .performance("1 round trip")
            .example("- ansible.builtin.slurp:\n    src: /etc/machine-id\n  register: mid\n- ansible.builtin.debug:\n    msg: \"{{ mid.content | b64decode }}\"")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String src = a.str("src");
        ExecResult r = read(ctx, src);
        if (r.rc() == 3) return ModuleResult.failed("file not found: " + src);
        if (r.rc() == 4) return ModuleResult.failed("source is a directory and must be a file: " + src);
        if (!r.ok()) return ModuleResult.failed("file is not readable: " + src);
        return ModuleResult.ok().put("content", Base64.getEncoder().encodeToString(r.stdout())).put("source", src)
                .put("encoding", "base64");
    }

    /** Reads {@code path}: rc 3 when missing, 4 for a directory, other non-zero when unreadable. */
    static ExecResult read(ModuleContext ctx, String path) throws ConnectionException {
        String q = quote(path);
        return ctx.sh("[ -e " + q + " ] || exit 3; [ -d " + q + " ] && exit 4; exec cat -- " + q);
    }
}
