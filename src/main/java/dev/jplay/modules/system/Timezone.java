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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code timezone} (community.general): sets the time zone and the RTC mode with timedatectl. One round trip reads
 * {@code timedatectl status} and checks the zone exists, one sets what differs; the diff shows both values.
 */
public final class Timezone implements Module {
    private static final Pattern ZONE = Pattern.compile("^\\s*Time ?zone\\s*:\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern RTC = Pattern.compile("^\\s*RTC in local TZ\\s*:\\s*(\\S+)", Pattern.MULTILINE);
    private final String zoneinfo;
    private final ModuleSpec spec = ModuleSpec.builder("timezone").fqcn("community.general.timezone")
            .doc("Configure timezone setting", "Sets the system time zone and whether the hardware clock keeps local time or UTC.")
            .param(Param.of("name").str().doc("A zone such as Europe/Paris."))
            .param(Param.of("hwclock").str().choices("local", "UTC").aliases("rtc"))
            .requiredOneOf("hwclock", "name")
            .diff(true)
            .performance("1 round trip to read, 1 to set")
            .example("- community.general.timezone:\n    name: Europe/Paris")
            .build();

    public Timezone() {
        this("/usr/share/zoneinfo");
    }

    /** Checks zone names against another directory; for tests. */
    public Timezone(String zoneinfo) {
        this.zoneinfo = zoneinfo;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String name = a.str("name");
        List<Probes.Part> p = Probes.run(ctx, "if command -v timedatectl >/dev/null 2>&1 && s=$(LANG=C timedatectl status 2>/dev/null); then printf '%s\\n' \"$s\"; "
                        + "else echo 'no systemd'; cat /etc/timezone 2>/dev/null || readlink /etc/localtime | sed 's|.*/zoneinfo/||'; fi",
                name == null ? "true" : "[ -f " + ShellCommand.quote(zoneinfo + "/" + name) + " ]");
        if (!p.get(1).ok()) return ModuleResult.failed("Error message:\ngiven timezone \"" + name + "\" is not available");
        String status = p.get(0).out();
        boolean files = status.startsWith("no systemd");
        if (files && a.has("hwclock")) return ModuleResult.failed("Error message:\nhwclock can only be set on hosts running systemd");
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        StringBuilder cmd = new StringBuilder();
        if (a.has("hwclock")) {
            String rtc = find(RTC, p.get(0).out());
            String now = rtc != null && (rtc.equals("yes") || rtc.equals("1") || rtc.equals("true")) ? "local" : "UTC";
            before.put("hwclock", now);
            after.put("hwclock", a.str("hwclock"));
            if (!now.equals(a.str("hwclock"))) cmd.append("timedatectl set-local-rtc ").append(a.str("hwclock").equals("local") ? "yes" : "no").append(" && ");
        }
        if (name != null) {
            String now = files ? status.lines().skip(1).findFirst().orElse("").strip() : find(ZONE, status);
            before.put("name", now);
            after.put("name", name);
            if (name.equals(now)) {
                // nothing to do
            } else if (files) {
                // like Ansible on hosts without systemd (Debian family): /etc/timezone and the /etc/localtime link
                cmd.append("echo ").append(ShellCommand.quote(name)).append(" > /etc/timezone && ln -sf ")
                   .append(ShellCommand.quote(zoneinfo + "/" + name)).append(" /etc/localtime && ");
            } else {
                cmd.append("timedatectl set-timezone ").append(ShellCommand.quote(name)).append(" && ");
            }
        }
        boolean changed = !before.equals(after);
        ModuleResult r = ModuleResult.changed(changed).diff(new Diff(before, after, null, null));
        if (!changed || ctx.check()) return r;
        ExecResult res = ctx.sh(cmd + "true");
        return res.ok() ? r : ModuleResult.failed("Error message:\n" + res.err().strip());
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
