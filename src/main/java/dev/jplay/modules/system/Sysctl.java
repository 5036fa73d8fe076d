package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.HostFiles;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sysctl} (ansible.posix): keeps a kernel parameter in {@code sysctl_file} and, with reload, applies the
 * file ({@code sysctl -p}); {@code sysctl_set} also sets the live value. One round trip reads the live value and
 * the file; the file is written atomically; one command sets and reloads.
 */
public final class Sysctl implements Module {
    private static final Set<String> TRUE = Set.of("yes", "on", "1", "true", "y", "t");
    private static final Set<String> FALSE = Set.of("no", "off", "0", "false", "n", "f");
    private static final Pattern SET_FAILED = Pattern.compile(
            "^sysctl: setting key \"[^\"]+\": (Invalid argument|Read-only file system)$", Pattern.MULTILINE);
    private static final String ENV = "LANG=C LC_ALL=C LC_MESSAGES=C ";

    private final ModuleSpec spec = ModuleSpec.builder("sysctl").fqcn("ansible.posix.sysctl")
            .doc("Manage entries in sysctl.conf", "Sets a kernel parameter in a sysctl file and optionally applies it.")
            .param(Param.of("name").str().required().aliases("key"))
            .param(Param.of("value").str().aliases("val"))
            .param(Param.of("state").str().def("present").choices("present", "absent"))
            .param(Param.of("reload").bool().def(true).doc("Run sysctl -p on the file when something changed."))
            .param(Param.of("sysctl_set").bool().def(false).doc("Also set the live value with sysctl -w."))
            .param(Param.of("ignoreerrors").bool().def(false).doc("Ignore unknown keys."))
            .param(Param.of("sysctl_file").path().def("/etc/sysctl.conf"))
            .requiredIf("state", "present", "value")
            .diff(true)
            .performance("1 round trip to read, 1 to write the file, 1 to set/reload")
            .example("- ansible.posix.sysctl:\n    name: vm.swappiness\n    value: '10'\n    sysctl_set: true")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name").strip();
        boolean present = a.str("state").equals("present");
        String value = parseValue(a.str("value"));
        if (name.isEmpty()) return ModuleResult.failed("name cannot be blank");
        if (present && value.isEmpty()) return ModuleResult.failed("value cannot be blank");
        String file = a.str("sysctl_file");
        List<Probes.Part> parts = Probes.run(ctx, ENV + "sysctl -e -n " + ShellCommand.quote(name), HostFiles.cat(file));
        String proc = parts.get(0).ok() && !parts.get(0).out().isEmpty() ? parts.get(0).out() : null;
        String before = parts.get(1).ok() ? parts.get(1).out() : "";
        SysctlFile f = SysctlFile.edit(before, name, present ? value : null);
        boolean changed = f.changed();
        boolean setProc = false;
        if (!changed && a.bool("reload") && !equal(proc, value)) changed = true;
        if (a.bool("sysctl_set") && present && !equal(proc, value)) {
            changed = true;
            setProc = proc != null;
        }
        ModuleResult r = HostFiles.diff(ctx, ModuleResult.changed(changed), file, before, f.text());
        if (ctx.check() || !changed) return r;
        if (f.changed()) HostFiles.write(ctx, file, f.text(), parts.get(1).ok() ? null : "0644");
        return apply(a, ctx, name, value, setProc, r);
    }

    private ModuleResult apply(ModuleArgs a, ModuleContext ctx, String name, String value, boolean setProc, ModuleResult r)
            throws ConnectionException {
        String e = a.bool("ignoreerrors") ? "-e " : "";
        List<String> cmds = new ArrayList<>();
        if (setProc) {
            cmds.add(ENV + "sysctl " + e + "-w " + ShellCommand.quote(name + "=" + value));
        }
        if (a.bool("reload")) cmds.add(ENV + "sysctl " + e + "-p " + ShellCommand.quote(a.str("sysctl_file")));
        if (cmds.isEmpty()) return r;
        List<Probes.Part> parts = Probes.run(ctx, cmds.stream().map(c -> c + " 2>&1").toArray(String[]::new));
        for (int i = 0; i < parts.size(); i++) {
            Probes.Part p = parts.get(i);
            if (p.ok() && !SET_FAILED.matcher(p.out()).find()) continue;
            boolean reload = i == parts.size() - 1 && a.bool("reload");
            return r.fail(reload ? "Failed to reload sysctl: " + p.out() : "setting " + name + " failed: " + p.out());
        }
        return r;
    }

    private static boolean equal(String a, String b) {
        if (a == null || b == null) return false;
        return Arrays.equals(a.strip().split("\\s+"), b.strip().split("\\s+"));
    }

    static String parseValue(String v) {
        if (v == null) return "";
        String l = v.toLowerCase(Locale.ROOT);
        if (TRUE.contains(l)) return "1";
        if (FALSE.contains(l)) return "0";
        return v.strip();
    }

    /** The file after Ansible's rewrite: every line stripped, duplicate keys dropped, {@code name=value} set or removed. */
    record SysctlFile(String text, boolean changed) {
        static SysctlFile edit(String before, String name, String value) {
            StringBuilder out = new StringBuilder();
            Set<String> seen = new LinkedHashSet<>();
            String current = null;
            for (String raw : Probes.lines(before)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || !line.contains("=")) {
                    out.append(line).append('\n');
                    continue;
                }
                String k = line.substring(0, line.indexOf('=')).strip();
                String v = line.substring(line.indexOf('=') + 1).strip();
                if (k.equals(name)) current = v;
                if (!seen.add(k)) continue;
                if (!k.equals(name)) out.append(k).append('=').append(v).append('\n');
                else if (value != null) out.append(k).append('=').append(value).append('\n');
            }
            if (!seen.contains(name) && value != null) out.append(name).append('=').append(value).append('\n');
            boolean changed = value == null ? current != null : !value.equals(current);
            return new SysctlFile(out.toString(), changed);
        }
    }
}
