package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.Probes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hostname}: sets the static and transient host name with hostnamectl (Ansible's systemd strategy) when
 * systemd manages the host (or {@code use: systemd|debian}), otherwise writes {@code /etc/hostname} (Ansible's file
 * strategy, what it uses on Debian, Ubuntu and most distributions without systemd), and returns the hostname
 * facts. One round trip reads both names and the FQDN, one sets what differs.
 */
public final class Hostname implements Module {
    /** Ansible's test for a systemd-managed host: systemctl, and one of sd_booted()'s canaries. */
    private static final String SYSTEMD_MANAGED =
            "command -v systemctl >/dev/null && { [ -d /run/systemd/system ] || [ -e /dev/.run/systemd ] || [ -e /dev/.systemd ]; }";
    private final String file;
    private final String systemdManaged;
    private final ModuleSpec spec = ModuleSpec.builder("hostname").fqcn("ansible.builtin.hostname")
            .doc("Manage hostname", "Sets the system's host name (static and transient) with hostnamectl.")
            .param(Param.of("name").str().required())
            .param(Param.of("use").str().choices("systemd", "debian", "generic")
                    .doc("Strategy: systemd and debian use hostnamectl; otherwise hostnamectl when systemd runs, else /etc/hostname."))
            .diff(true)
            .returns("name", "the host name", "always").returns("ansible_facts", "hostname facts", "always")
            .performance("1 round trip to read, 1 to set")
            .example("- ansible.builtin.hostname:\n    name: web01")
            .build();

    public Hostname() {
        this("/etc/hostname", SYSTEMD_MANAGED);
    }

    /** For tests: the file strategy's file, and the shell test that says systemd manages the host. */
    Hostname(String file, String systemdManaged) {
        this.file = ShellCommand.quote(file);
        this.systemdManaged = systemdManaged;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        if (name.length() > 64) return ModuleResult.failed("name cannot be longer than 64 characters on systemd servers, try a shorter name");
        String fqdnCmd = "hostname -f 2>/dev/null || hostname";
        String use = a.has("use") ? a.str("use") : "";
        String test = use.equals("systemd") || use.equals("debian") ? "true" : systemdManaged;
        String read = "cat " + file + " 2>/dev/null; true";
        List<Probes.Part> p = Probes.run(ctx, either(test, "hostnamectl --transient status 2>&1", read),
                either(test, "hostnamectl --static status 2>&1", read), fqdnCmd, test);
        boolean systemd = p.get(3).ok();
        for (Probes.Part part : p.subList(0, 2)) {
            if (!part.ok()) return ModuleResult.failed("Command failed rc=" + part.rc() + ", out=, err=" + part.out().strip());
        }
        String current = p.get(0).out().strip();
        String permanent = p.get(1).out().strip();
        String q = ShellCommand.quote(name);
        StringBuilder cmd = new StringBuilder();
        if (!systemd) {
            if (!permanent.equals(name)) {
                // temp file + rename; where /etc/hostname is a mount point (containers), written in place
                String tmp = file + ".jplay-new";
                cmd.append("printf '%s\\n' ").append(q).append(" > ").append(tmp).append(" && { mv -f ").append(tmp).append(' ').append(file)
                        .append(" 2>/dev/null || { cat ").append(tmp).append(" > ").append(file).append(" && rm -f ").append(tmp).append("; }; } && ");
            }
        } else {
            if (!permanent.equals(name)) cmd.append("hostnamectl --pretty --static set-hostname ").append(q).append(" && ");
            if (!current.equals(name)) cmd.append("hostnamectl --transient set-hostname ").append(q).append(" && ");
        }
        boolean changed = !cmd.isEmpty();
        String fqdn = p.get(2).out().strip();
        if (changed && !ctx.check()) {
            ExecResult r = ctx.sh(cmd + "{ " + fqdnCmd + "; }");
            if (!r.ok()) return ModuleResult.failed("Command failed rc=" + r.rc() + ", out=" + r.out() + ", err=" + r.err());
            fqdn = r.out().strip();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ansible_hostname", name.split("\\.")[0]);
        facts.put("ansible_nodename", name);
        facts.put("ansible_fqdn", fqdn);
        facts.put("ansible_domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        ModuleResult r = ModuleResult.changed(changed).put("name", name).put("ansible_facts", facts);
        String before = !name.equals(current) ? current : permanent;
        if (changed) r.diff(new Diff("hostname = " + before + "\n", "hostname = " + name + "\n", null, null));
        return r;
    }

    private static String either(String test, String then, String otherwise) {
        return "if " + test + "; then " + then + "; else " + otherwise + "; fi";
    }
}
