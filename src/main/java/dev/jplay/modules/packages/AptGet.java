package dev.jplay.modules.packages;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleArgs;
import java.util.List;

/**
 * Builds {@code apt-get} command lines the way Ansible's apt module does: non-interactive environment, the
 * {@code dpkg_options}, {@code -s} in check mode, and the install flags ({@code force}, recommends, downgrades,
 * held packages, auto-remove).
 */
final class AptGet {
    static final String ENV = "DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical LANG=C LC_ALL=C ";
    /** Text apt-get prints when it had nothing to do. */
    static final String ZERO = "\n0 upgraded, 0 newly installed";

    private AptGet() {}

    /** {@code force-confdef,force-confold} → {@code -o Dpkg::Options::=--force-confdef -o ...}. */
    static String dpkgOptions(String opts) {
        StringBuilder sb = new StringBuilder();
        if (opts == null) return "";
        for (String o : opts.split(",")) {
            if (!o.isBlank()) sb.append(" -o Dpkg::Options::=--").append(o.trim());
        }
        return sb.toString();
    }

    /** {@code apt-get -y -q <dpkg options> [-s] [flags] VERB words...} with the apt environment. */
    static String command(ModuleArgs a, boolean check, String verb, List<String> words) {
        StringBuilder sb = new StringBuilder(ENV).append("apt-get -y -q").append(dpkgOptions(a.str("dpkg_options")));
        // a simulation still writes apt's planner log (/var/log/apt/eipp.log.xz): check mode changes nothing
        if (check) sb.append(" -s -o Dir::Log::Planner=/dev/null");
        if (a.bool("force")) sb.append(" --force-yes");
        if (a.bool("autoremove") && !verb.equals("autoremove")) sb.append(" --auto-remove");
        if (a.bool("fail_on_autoremove")) sb.append(" --no-remove");
        if (a.bool("purge") && (verb.equals("remove") || verb.equals("autoremove"))) sb.append(" --purge");
        if (a.bool("only_upgrade") && verb.equals("install")) sb.append(" --only-upgrade");
        if ("fixed".equals(a.str("state")) && verb.equals("install")) sb.append(" --fix-broken");
        if (verb.equals("install") || verb.equals("build-dep")) installFlags(a, sb);
        if (a.bool("allow_unauthenticated")) sb.append(" --allow-unauthenticated");
        if (a.bool("allow_downgrade")) sb.append(" --allow-downgrades");
        if (a.bool("allow_change_held_packages")) sb.append(" --allow-change-held-packages");
        if (a.has("default_release")) sb.append(" -t ").append(ShellCommand.quote(a.str("default_release")));
        sb.append(' ').append(verb);
        for (String w : words) sb.append(' ').append(ShellCommand.quote(w));
        return sb.toString();
    }

    private static void installFlags(ModuleArgs a, StringBuilder sb) {
        Boolean rec = a.boolOrNull("install_recommends");
        if (rec != null) sb.append(" -o APT::Install-Recommends=").append(rec ? "yes" : "no");
    }

    /** The upgrade sub-command for {@code upgrade: yes|safe|full|dist} with apt-get. */
    static String upgradeVerb(String mode) {
        return switch (mode) {
            case "full", "dist" -> "dist-upgrade";
            default -> "upgrade --with-new-pkgs";
        };
    }
}
