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
        ExecResult r = ctx.sh("LC_ALL=C exec cat -- " + quote(src));
        if (r.ok()) {
            return ModuleResult.ok().put("content", Base64.getEncoder().encodeToString(r.stdout())).put("source", src)
                    .put("encoding", "base64");
        }
        return ModuleResult.failed(failure(src, r.err()));
    }

    /** The module's message for the error {@code open()} met, told by cat's (C locale) strerror text. */
    static String failure(String src, String stderr) {
        if (stderr.contains("No such file or directory")) return "file not found: " + src;
        if (stderr.contains("Permission denied")) return "file is not readable: " + src;
        if (stderr.contains("Is a directory")) return "source is a directory and must be a file: " + src;
        if (stderr.contains("Not a directory")) return "unable to slurp file: [Errno 20] Not a directory: " + dev.jplay.data.Py.repr(src);
        String why = stderr.strip().replaceFirst("^cat: ", "");
        return "unable to slurp file: " + (why.isEmpty() ? src : why);
    }
}
