package dev.jplay.modules.system;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class SystemModules {
    private SystemModules() {}

    public static List<Module> all() {
        Systemd systemd = new Systemd();
        return List.of(systemd, new Service(systemd), new Sysctl(), new User(), new Group(), new Cron(), new Hostname(), new Timezone(), new Modprobe(), new Mount(), new Reboot(), new WaitFor(), new Uri(), new KnownHosts(), new Iptables(), new Sysvinit());
    }
}
