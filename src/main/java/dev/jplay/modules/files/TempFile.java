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

/** {@code tempfile}: create a unique temporary file or directory on the host with {@code mktemp}. */
public final class TempFile implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("tempfile")
            .doc("Creates temporary files and directories", "Creates a uniquely named file or directory (mode 0600/0700) and "
                    + "returns its path. Always changed; not removed automatically.")
            .param(Param.of("state").str().def("file").choices("directory", "file").doc("Kind to create."))
            .param(Param.of("path").path().doc("Parent directory (default: the host's TMPDIR or /tmp)."))
            .param(Param.of("prefix").str().def("ansible.").doc("Name prefix."))
            .param(Param.of("suffix").str().def("").doc("Name suffix."))
            .returns("path", "the created path", "success")
            .performance("1 round trip")
            .example("- ansible.builtin.tempfile:\n    state: directory\n    suffix: build\n  register: build_dir")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String dir = a.has("path") ? quote(a.str("path")) : "\"${TMPDIR:-/tmp}\"";
        String template = quote(a.str("prefix") + "XXXXXXXX") + " --suffix=" + quote(a.str("suffix"));
        String flags = a.str("state").equals("directory") ? "-d " : "";
        if (ctx.check()) {
            ExecResult r = ctx.sh("printf '%s' " + dir);
            return ModuleResult.changed(true).put("path", ShellDirs.join(r.out(), a.str("prefix") + "XXXXXXXX" + a.str("suffix")));
        }
        ExecResult r = ctx.sh(PathProbe.FUNCTION + "p_=$(mktemp " + flags + "-p " + dir + " " + template + ") || exit 1; jp_ \"$p_\" ''; "
                + "printf 'E\\n%s' \"$p_\"");
        if (!r.ok()) return ModuleResult.failed(r.err().strip());
        String out = r.out();
        String path = out.substring(out.lastIndexOf("E\n") + 2);
        FileState st = PathProbe.parse(java.util.List.of(path), r).state(0);
        return st.addPathInfo(ModuleResult.changed(true).put("path", path));
    }
}
