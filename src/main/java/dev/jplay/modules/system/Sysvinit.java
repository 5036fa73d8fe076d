package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sysvinit}: Ansible's sysvinit module: a service's state read from {@code service NAME status} (or the init
 * script's {@code status}, or {@code ps} with {@code pattern}) the way ansible-core 2.14 reads it, enabled through
 * {@code update-rc.d} or {@code chkconfig} (per runlevel with {@code runlevels}), started, stopped, restarted
 * (stop, sleep, start) or reloaded by its init script, optionally detached ({@code daemonize}: a new session, cwd /,
 * no stdin). One round trip ({@code sysvinit.sh}); results, warnings and messages as Ansible's.
 */
public final class Sysvinit implements Module {
    private static final HostScript SCRIPT = HostScript.load(Sysvinit.class, "sysvinit.sh");
    private static final ModuleSpec SPEC = ModuleSpec.builder("sysvinit").fqcn("ansible.builtin.sysvinit", "ansible.legacy.sysvinit")
            .doc("Manage SysV services.", "Controls services on target hosts that use the SysV init system.")
            .param(Param.of("name").str().required().aliases("service").doc("Name of the service (or the path of its init script)."))
            .param(Param.of("state").str().choices("started", "stopped", "restarted", "reloaded")
                    .doc("started/stopped are idempotent; restarted runs the script's stop then start, reloaded its reload."))
            .param(Param.of("enabled").bool().doc("Whether the service should start on boot."))
            .param(Param.of("sleep").integer().def(1L).doc("Seconds to sleep after each of the stop and start of a restart."))
            .param(Param.of("pattern").str().doc("A substring of the service's line in ps output, standing in for a status command."))
            .param(Param.of("arguments").str().aliases("args").doc("Additional arguments for the init script."))
            .param(Param.of("runlevels").list(ParamType.STR).doc("The runlevels to enable or disable the service in."))
            .param(Param.of("daemonize").bool().def(false).doc("Run the init script detached (new session, cwd /, no stdin)."))
            .requiredOneOf("state", "enabled")
            .returns("name", "the service's name", "always")
            .returns("status", "what changed, per part (enabled, the state): changed, rc, stdout, stderr", "always")
            .example("- ansible.builtin.sysvinit:\n    name: apache2\n    state: started\n    enabled: yes")
            .performance("1 round trip (status, enable and action in one sh script)").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        String state = a.str("state");
        String args;
        try {
            args = a.str("arguments") == null ? "" : ShellWords.split(a.str("arguments")).stream().map(ShellCommand::quote)
                    .collect(Collectors.joining(" "));
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        List<String> runlevels = a.get("runlevels") == null ? List.of() : a.strings("runlevels");
        Boolean enabled = a.boolOrNull("enabled");
        Map<String, String> vars = HostScript.vars("NAME", name, "SCRIPTP", name.startsWith("/") ? name : "/etc/init.d/" + name,
                "ACTION", state == null ? "" : state.replaceAll("p?ed$", ""), "ENABLED", enabled == null ? "" : enabled ? "1" : "0",
                "RUNLEVELS", String.join(" ", runlevels), "PATTERN", a.str("pattern"), "ARGS", args,
                "SLEEP", String.valueOf(a.integer("sleep", 1)), "DAEMONIZE", a.bool("daemonize") ? "1" : "0", "CHECK", ctx.check() ? "1" : "0");
        HostScript.Fields f = SCRIPT.run(ctx, vars);
        if (!f.has("changed") && !f.has("failed")) {
            return f.printedNothing("sysvinit");
        }
        if (f.has("failed") && (!f.has("en_changed") || f.has("rc"))) return f.reportedFailure();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", part(f, "en_", runlevels));
        if (!f.has("failed")) status.put(state == null ? "null" : state, part(f, "st_", null));
        ModuleResult r = ModuleResult.changed("1".equals(f.get("changed"))).put("name", name).put("status", status);
        if (!f.every("warning").isEmpty()) r.put("warnings", new ArrayList<Object>(f.every("warning")));
        return f.has("failed") ? r.fail(f.get("msg")) : r;
    }

    private static Map<String, Object> part(HostScript.Fields f, String prefix, List<String> runlevels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", "1".equals(f.get(prefix + "changed")));
        m.put("rc", f.has(prefix + "rc") ? Long.parseLong(f.get(prefix + "rc")) : null);
        m.put("stdout", f.get(prefix + "stdout"));
        m.put("stderr", f.get(prefix + "stderr"));
        if (runlevels != null && !runlevels.isEmpty()) m.put("runlevels", new ArrayList<Object>(runlevels));
        return m;
    }
}
