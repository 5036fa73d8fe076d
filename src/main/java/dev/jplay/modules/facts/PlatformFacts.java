package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform, distribution, user, service manager and package manager facts. */
final class PlatformFacts {
    private static final Map<String, String> DISTRO = Map.ofEntries(Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"),
            Map.entry("centos", "CentOS"), Map.entry("rhel", "RedHat"), Map.entry("fedora", "Fedora"), Map.entry("rocky", "Rocky"),
            Map.entry("almalinux", "AlmaLinux"), Map.entry("alpine", "Alpine"), Map.entry("arch", "Archlinux"),
            Map.entry("opensuse-leap", "openSUSE Leap"), Map.entry("sles", "SLES"), Map.entry("linuxmint", "Linux Mint"),
            Map.entry("amzn", "Amazon"), Map.entry("ol", "OracleLinux"));
    private static final Map<String, String> FAMILY = Map.ofEntries(Map.entry("Debian", "Debian"), Map.entry("Ubuntu", "Debian"),
            Map.entry("Linux Mint", "Debian"), Map.entry("CentOS", "RedHat"), Map.entry("RedHat", "RedHat"), Map.entry("Fedora", "RedHat"),
            Map.entry("Rocky", "RedHat"), Map.entry("AlmaLinux", "RedHat"), Map.entry("Amazon", "RedHat"), Map.entry("OracleLinux", "RedHat"),
            Map.entry("Alpine", "Alpine"), Map.entry("Archlinux", "Archlinux"), Map.entry("openSUSE Leap", "Suse"), Map.entry("SLES", "Suse"));

    private PlatformFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        platform(raw, f);
        distribution(raw, f);
        lsb(raw, f);
        user(raw, f);
        f.put("service_mgr", "service_mgr", serviceManager(raw));
        f.put("pkg_mgr", "pkg_mgr", pkgManager(raw.one("pkgmgr")));
    }

    private static void platform(RawFacts raw, FactSet f) {
        String node = raw.one("uname_n");
        String host = raw.one("hostname");
        String fqdn = raw.one("fqdn");
        String machine = raw.one("uname_m");
        f.put("platform", "system", raw.one("uname_s"));
        f.put("platform", "kernel", raw.one("uname_r"));
        f.put("platform", "kernel_version", raw.one("uname_v"));
        f.put("platform", "machine", machine);
        String bits = raw.one("bits");
        if (!bits.isEmpty()) f.put("platform", "userspace_bits", bits);
        f.put("platform", "architecture", machine.matches("i[3-6]86") ? "i386" : machine);
        if (!bits.isEmpty()) f.put("platform", "userspace_architecture", machine.equals("x86_64") && bits.equals("32") ? "i386" : machine);
        f.put("platform", "fqdn", fqdn.isEmpty() ? node : fqdn);
        f.put("platform", "hostname", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        f.put("platform", "nodename", node);
        f.put("platform", "domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        if (!raw.one("machine_id").isEmpty()) f.put("platform", "machine_id", raw.one("machine_id"));
    }

    private static void distribution(RawFacts raw, FactSet f) {
        Map<String, String> os = raw.pairs("osr", "=");
        String id = os.getOrDefault("ID", "");
        String name = DISTRO.getOrDefault(id, id.isEmpty() ? "NA" : Character.toUpperCase(id.charAt(0)) + id.substring(1));
        String version = os.getOrDefault("VERSION_ID", "NA");
        String debian = raw.one("debian_version");
        if (name.equals("Debian") && debian.matches("\\d+(\\.\\d+)*")) version = debian;
        String codename = os.getOrDefault("VERSION_CODENAME", os.getOrDefault("UBUNTU_CODENAME", "NA"));
        String family = FAMILY.getOrDefault(name, name);
        f.put("distribution", "distribution", name);
        f.put("distribution", "distribution_version", version);
        String[] parts = version.split("\\.");
        f.put("distribution", "distribution_major_version", parts[0]);
        if (parts.length > 1) f.put("distribution", "distribution_minor_version", parts[1]);
        f.put("distribution", "distribution_release", codename);
        f.put("distribution", "distribution_file_variety", family);
        String path = "/etc/os-release";
        for (String r : raw.all("release_file")) {
            String file = r.substring(0, r.indexOf('|'));
            if (family.equals("RedHat") && file.equals("/etc/redhat-release") || family.equals("Alpine") && file.equals("/etc/alpine-release")) path = file;
        }
        if (!os.isEmpty() || !path.equals("/etc/os-release")) {
            f.put("distribution", "distribution_file_path", path);
            f.put("distribution", "distribution_file_parsed", true);
        }
        f.put("distribution", "os_family", family);
    }

    /** From {@code lsb_release -a}, else {@code /etc/lsb-release}; empty when neither exists (as Ansible). */
    private static void lsb(RawFacts raw, FactSet f) {
        Map<String, Object> lsb = new LinkedHashMap<>();
        Map<String, String> cmd = raw.pairs("lsb", ":");
        Map<String, String> file = raw.pairs("lsbr", "=");
        if (!cmd.isEmpty()) {
            putIf(lsb, "release", cmd.get("Release"));
            putIf(lsb, "id", cmd.get("Distributor ID"));
            putIf(lsb, "description", cmd.get("Description"));
            putIf(lsb, "codename", cmd.get("Codename"));
        } else if (!file.isEmpty()) {
            putIf(lsb, "id", file.get("DISTRIB_ID"));
            putIf(lsb, "release", file.get("DISTRIB_RELEASE"));
            putIf(lsb, "description", file.get("DISTRIB_DESCRIPTION"));
            putIf(lsb, "codename", file.get("DISTRIB_CODENAME"));
        }
        if (lsb.get("release") instanceof String r) lsb.put("major_release", r.split("\\.")[0]);
        f.put("lsb", "lsb", new java.util.TreeMap<>(lsb));
    }

    private static void putIf(Map<String, Object> m, String k, String v) {
        if (v != null && !v.isEmpty() && !v.equals("n/a")) m.put(k, v);
    }

    private static void user(RawFacts raw, FactSet f) {
        String[] pw = raw.one("passwd").split(":", -1);
        f.put("user", "user_id", raw.one("user"));
        f.put("user", "user_uid", pw.length > 2 ? RawFacts.num(pw[2]) : RawFacts.num(raw.one("uid")));
        f.put("user", "user_gid", pw.length > 3 ? RawFacts.num(pw[3]) : RawFacts.num(raw.one("gid")));
        if (pw.length > 4) f.put("user", "user_gecos", pw[4]);
        f.put("user", "user_dir", pw.length > 5 ? pw[5] : raw.one("home"));
        f.put("user", "user_shell", pw.length > 6 ? pw[6] : "");
        f.put("user", "real_user_id", RawFacts.num(raw.one("ruid")));
        f.put("user", "effective_user_id", RawFacts.num(raw.one("uid")));
        f.put("user", "real_group_id", RawFacts.num(raw.one("rgid")));
        f.put("user", "effective_group_id", RawFacts.num(raw.one("gid")));
    }

    /** Ansible's service manager detection: PID 1's name, else systemd / openrc / sysvinit markers. */
    private static String serviceManager(RawFacts raw) {
        String pid1 = raw.one("pid1");
        if (!pid1.isEmpty() && !pid1.equals("init") && !pid1.equals("sh") && !pid1.equals("COMMAND")) {
            return switch (pid1) {
                case "runit-init" -> "runit";
                case "openrc-init" -> "openrc";
                default -> pid1.contains("/") ? pid1.substring(pid1.lastIndexOf('/') + 1) : pid1;
            };
        }
        if (raw.has("systemd_booted")) return "systemd";
        String init = raw.one("init");
        if (init.endsWith("systemd")) return "systemd";
        return pid1.isEmpty() ? "service" : "sysvinit";
    }

    private static String pkgManager(String m) {
        return switch (m) {
            case "apt-get" -> "apt";
            case "" -> "unknown";
            default -> m;
        };
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
