package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code package}: the generic package module. The targets are Debian-family hosts, so it runs {@link Apt} with
 * the task's name and state (and any apt option given alongside, as Ansible passes them through).
 */
public final class Package implements Module {
    private final Apt apt;
    private final ModuleSpec spec = ModuleSpec.builder("package").fqcn("ansible.builtin.package")
            .doc("Generic OS package manager", "Installs, upgrades and removes packages with the host's package manager "
                    + "(apt on Debian and Ubuntu).")
            .param(Param.of("name").list(ParamType.STR).required().aliases("pkg"))
            .param(Param.of("state").str().required().doc("present, absent, latest, or any state the manager accepts."))
            .param(Param.of("use").str().def("auto").choices("auto", "apt").doc("The package manager (apt)."))
            .param(Param.of("update_cache").bool()).param(Param.of("cache_valid_time").integer())
            .param(Param.of("install_recommends").bool()).param(Param.of("purge").bool())
            .param(Param.of("autoremove").bool()).param(Param.of("allow_downgrade").bool())
            .returns("cache_updated", "as apt", "success").returns("stdout", "as apt", "when something ran")
            .performance("as apt: 1 round trip to read, 1 to change")
            .example("- ansible.builtin.package:\n    name: htop\n    state: present")
            .build();

    public Package(Apt apt) {
        this.apt = apt;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : a.all().entrySet()) {
            if (e.getValue() != null && !e.getKey().equals("use")) m.put(e.getKey(), e.getValue());
        }
        if ("installed".equals(m.get("state"))) m.put("state", "present");
        if ("removed".equals(m.get("state"))) m.put("state", "absent");
        return apt.run(ArgConverter.convert(apt.spec(), m), ctx);
    }
}
