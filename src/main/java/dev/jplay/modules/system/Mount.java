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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mount} (ansible.posix): keeps an fstab entry (written atomically) and the mount itself in the wanted
 * state. One round trip reads fstab and whether the path is a mount point; mount/umount/remount run by path
 * with {@code -T fstab} when another fstab is used, as Ansible does.
 */
public final class Mount implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("mount").fqcn("ansible.posix.mount")
            .doc("Control active and configured mount points", "Mounts, unmounts and keeps fstab entries.")
            .param(Param.of("path").path().required().aliases("name"))
            .param(Param.of("src").path()).param(Param.of("fstype").str()).param(Param.of("opts").str())
            .param(Param.of("dump").str().def("0")).param(Param.of("passno").str().def("0"))
            .param(Param.of("fstab").str()).param(Param.of("boot").bool().def(true))
            .param(Param.of("backup").bool().def(false).doc("Accepted; no backup is kept."))
            .param(Param.of("state").str().required().choices("absent", "absent_from_fstab", "mounted", "present", "unmounted", "remounted"))
            .requiredIf("state", "mounted", "src", "fstype").requiredIf("state", "present", "src", "fstype")
            .returns("name", "the mount point", "always").returns("fstab", "the fstab used", "always")
            .performance("1 round trip to read, 1 fstab write, 1 (u)mount")
            .example("- ansible.posix.mount:\n    path: /data\n    src: /dev/vdb1\n    fstype: ext4\n    state: mounted")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> args = args(a, warnings);
        warnings.forEach(ctx::warn);
        String name = a.str("path");
        String fstab = (String) args.get("fstab");
        String state = a.str("state");
        String q = ShellCommand.quote(name);
        String t = fstab.equals("/etc/fstab") ? "" : " -T " + ShellCommand.quote(fstab);
        List<Probes.Part> p = Probes.run(ctx, HostFiles.cat(fstab), "mountpoint -q " + q, "[ -e " + q + " ]");
        String before = p.get(0).ok() ? p.get(0).out() : "";
        boolean mounted = p.get(1).ok();
        Fstab.Edit edit = null;
        List<String> cmds = new ArrayList<>();
        boolean changed;
        switch (state) {
            case "absent", "absent_from_fstab" -> {
                edit = Fstab.unset(before, name, a.str("src"));
                changed = edit.changed();
                if (changed && state.equals("absent")) {
                    if (mounted) cmds.add("umount " + q);
                    cmds.add("{ [ ! -e " + q + " ] || rmdir " + q + "; }");
                }
            }
            case "unmounted" -> {
                changed = mounted;
                if (mounted) cmds.add("umount " + q);
            }
            case "remounted" -> {
                changed = true;
                String opts = a.has("opts") && !a.str("opts").equals("defaults") ? "remount," + a.str("opts") : "remount";
                cmds.add("mount -o " + ShellCommand.quote(opts) + t + " " + q);
            }
            case "present" -> {
                edit = Fstab.set(before, fields(args));
                changed = edit.changed();
            }
            default -> {
                edit = Fstab.set(before, fields(args));
                changed = edit.changed() || !mounted;
                if (!p.get(2).ok()) cmds.add("mkdir -p " + q);
                if (!mounted) cmds.add("mount" + t + " " + q);
                else if (edit.changed()) cmds.add("{ mount -o remount" + t + " " + q + " || { umount " + q + " && mount" + t + " " + q + "; }; }");
            }
        }
        ModuleResult r = ModuleResult.changed(changed);
        args.forEach(r::put);
        if (ctx.check() || !changed) return r;
        String mode = p.get(0).ok() ? null : "0644";
        if (edit != null && edit.changed()) HostFiles.write(ctx, fstab, edit.text(), mode);
        if (cmds.isEmpty()) return r;
        ExecResult res = ctx.sh(String.join(" && ", cmds) + " 2>&1");
        if (res.ok()) return r;
        String verb = switch (state) {
            case "unmounted", "absent" -> "unmounting";
            case "remounted" -> "remounting";
            default -> "mounting";
        };
        if (edit != null && edit.changed() && state.equals("mounted")) HostFiles.write(ctx, fstab, before, mode);
        return ModuleResult.failed("Error " + verb + " " + name + ": " + res.out());
    }

    /** The result keys, in Ansible's order, with the defaults filled in. */
    private static Map<String, Object> args(ModuleArgs a, List<String> warnings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.str("path"));
        String opts = a.str("opts", "defaults");
        boolean boot = a.bool("boot");
        if (!boot) {
            List<String> o = new ArrayList<>(List.of(opts.split(",")));
            if (o.contains("noauto")) warnings.add("Ignore the 'boot' due to 'opts' contains 'noauto'.");
            else if (o.contains("defaults")) warnings.add("Ignore the 'boot' due to 'opts' contains 'defaults'.");
            else opts = opts + ",noauto";
        }
        m.put("opts", opts);
        m.put("dump", a.str("dump"));
        m.put("passno", a.str("passno"));
        m.put("fstab", a.str("fstab", "/etc/fstab"));
        m.put("boot", boot ? "yes" : "no");
        m.put("backup_file", "");
        if (a.has("src")) m.put("src", a.str("src"));
        if (a.has("fstype")) m.put("fstype", a.str("fstype"));
        return m;
    }

    private static Map<String, String> fields(Map<String, Object> args) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String k : List.of("src", "name", "fstype", "opts", "dump", "passno")) f.put(k, String.valueOf(args.get(k)));
        return f;
    }
}
