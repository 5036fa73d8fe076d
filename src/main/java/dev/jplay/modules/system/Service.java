package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code service}: the init-system-neutral service module. Targets (Debian, Ubuntu) run systemd, so it hands
 * the task to {@link Systemd} with the same name, state and enabled; SysV-only options are accepted and ignored.
 */
public final class Service implements Module {
    private final Systemd systemd;
    private final ModuleSpec spec = ModuleSpec.builder("service").fqcn("ansible.builtin.service")
            .doc("Manage services", "Starts, stops, restarts, reloads and enables services; on systemd hosts it behaves "
                    + "as systemd_service.")
            .param(Param.of("name").str().required().doc("The service name."))
            .param(Param.of("state").str().choices("reloaded", "restarted", "started", "stopped"))
            .param(Param.of("enabled").bool())
            .param(Param.of("sleep").integer().doc("Accepted for compatibility (SysV only)."))
            .param(Param.of("pattern").str().doc("Accepted for compatibility (SysV only)."))
            .param(Param.of("arguments").str().def("").aliases("args").doc("Accepted for compatibility (SysV only)."))
            .param(Param.of("runlevel").str().def("default").doc("Accepted for compatibility (OpenRC only)."))
            .param(Param.of("use").str().def("auto").doc("Accepted; systemd is used."))
            .requiredOneOf("state", "enabled")
            .returns("name", "the service", "always").returns("state", "the state after the task", "when state is set")
            .returns("enabled", "whether enabled", "when enabled is set").returns("status", "systemctl show", "always")
            .performance("as systemd_service: 1 round trip to read, 1 to change")
            .example("- ansible.builtin.service:\n    name: ssh\n    state: restarted")
            .build();

    public Service(Systemd systemd) {
        this.systemd = systemd;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : new String[] {"name", "state", "enabled"}) {
            if (a.has(k)) m.put(k, a.get(k));
        }
        return systemd.run(ArgConverter.convert(systemd.spec(), m), ctx);
    }
}
