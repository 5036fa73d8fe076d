package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code modprobe} (community.general): loads or unloads a kernel module and, with {@code persistent}, keeps it in
 * {@code modules-load.d/NAME.conf} and its options in {@code modprobe.d/NAME.conf} (older entries are commented
 * out, as Ansible does). One round trip reads /proc/modules and both directories; one command applies.
 */
public final class Modprobe implements Module {
    private final String proc;
    private final String loadDir;
    private final String optionsDir;
    private final ModuleSpec spec = ModuleSpec.builder("modprobe").fqcn("community.general.modprobe")
            .doc("Load or unload kernel modules", "Loads or unloads a kernel module, optionally persistently.")
            .param(Param.of("name").str().required())
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("params").str().def("").doc("Module parameters, e.g. 'numdummies=2'."))
            .param(Param.of("persistent").str().def("disabled").choices("disabled", "present", "absent"))
            .returns("name", "the module", "always").returns("params", "the parameters", "always").returns("state", "the state", "always")
            .performance("1 round trip to read, 1 to change")
            .example("- community.general.modprobe:\n    name: br_netfilter\n    state: present\n    persistent: present")
            .build();

    public Modprobe() {
        this("/proc/modules", "/etc/modules-load.d", "/etc/modprobe.d");
    }

    /** Reads and writes other paths; for tests. */
    public Modprobe(String proc, String loadDir, String optionsDir) {
        this.proc = proc;
        this.loadDir = loadDir;
        this.optionsDir = optionsDir;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        String params = a.str("params");
        String moduleRe = "^ *" + name + " *([#;].*)?$";
        String optionRe = "^options " + name + " [A-Za-z0-9_]+=[^ ]+ *([#;].*)?$";
        List<Probes.Part> p = Probes.run(ctx,
                "grep -q " + ShellCommand.quote("^" + name.replace('-', '_') + " ") + " " + ShellCommand.quote(proc)
                        + " || grep -q " + ShellCommand.quote("/" + name + ".ko") + " /lib/modules/$(uname -r)/modules.builtin 2>/dev/null",
                "grep -lE " + ShellCommand.quote(moduleRe) + " " + ShellCommand.quote(loadDir) + "/* 2>/dev/null",
                "grep -HE " + ShellCommand.quote(optionRe) + " " + ShellCommand.quote(optionsDir) + "/* 2>/dev/null");
        boolean loaded = p.get(0).ok();
        List<String> loadFiles = p.get(1).lines();
        Set<String> optionFiles = new HashSet<>();
        Set<String> current = new HashSet<>();
        for (String l : p.get(2).lines()) {
            int colon = l.indexOf(':');
            optionFiles.add(l.substring(0, colon));
            current.add(l.substring(colon + 1).split("\\s+")[2]);
        }
        List<String> steps = new ArrayList<>();
        boolean present = a.str("state").equals("present");
        if (present && !loaded) steps.add(modprobe(ctx.check(), name, params, false));
        if (!present && loaded) steps.add(modprobe(ctx.check(), name, params, true));
        boolean changed = !steps.isEmpty();
        List<String> files = new ArrayList<>();
        Set<String> wanted = new HashSet<>(List.of(params.trim().split("\\s+")));
        wanted.remove("");
        String persistent = a.str("persistent");
        if (persistent.equals("present")) {
            if (loadFiles.isEmpty()) files.add(write(loadDir + "/" + name + ".conf", name + "\n"));
            if (!wanted.equals(current)) {
                files.add(comment(optionFiles, optionRe));
                StringBuilder sb = new StringBuilder();
                for (String w : params.trim().split("\\s+")) if (!w.isEmpty()) sb.append("options ").append(name).append(' ').append(w).append('\n');
                files.add(write(optionsDir + "/" + name + ".conf", sb.isEmpty() ? "\n" : sb.toString()));
            }
        } else if (persistent.equals("absent")) {
            if (!loadFiles.isEmpty()) files.add(comment(new HashSet<>(loadFiles), moduleRe));
            if (!current.isEmpty()) files.add(comment(optionFiles, optionRe));
        }
        files.removeIf(String::isEmpty);
        changed |= !files.isEmpty();
        ModuleResult r = ModuleResult.changed(changed).put("name", name).put("params", params).put("state", a.str("state"));
        if (!ctx.check()) steps.addAll(files);
        if (steps.isEmpty()) return r;
        ExecResult res = ctx.sh(String.join(" && ", steps));
        if (!res.ok()) return r.fail(res.err().strip()).put("rc", (long) res.rc()).put("stdout", res.out()).put("stderr", res.err());
        return r;
    }

    private static String modprobe(boolean check, String name, String params, boolean remove) {
        StringBuilder sb = new StringBuilder("modprobe");
        if (remove) sb.append(" -r");
        if (check) sb.append(" -n");
        sb.append(' ').append(ShellCommand.quote(name));
        if (!remove) for (String w : ShellWords.split(params)) sb.append(' ').append(ShellCommand.quote(w));
        return sb.toString();
    }

    private static String write(String path, String content) {
        String d = ShellCommand.quote(path.substring(0, path.lastIndexOf('/')));
        return "mkdir -p " + d + " && printf '%s' " + ShellCommand.quote(content) + " > " + ShellCommand.quote(path);
    }

    /** Comments out the lines matching {@code lineRe} (an ERE for the whole line) in the given files. */
    private static String comment(Set<String> files, String lineRe) {
        if (files.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("sed -i -E ").append(ShellCommand.quote("s/^(" + lineRe.substring(1, lineRe.length() - 1) + ")$/#\\1/"));
        for (String f : files) sb.append(' ').append(ShellCommand.quote(f));
        return sb.toString();
    }
}
