package dev.jplay.modules.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the fact script's raw lines into Ansible's facts ({@code ansible_distribution}, {@code ansible_default_ipv4} ...). */
final class Facts {
    private static final Map<String, String> DISTRO = Map.ofEntries(Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"),
            Map.entry("centos", "CentOS"), Map.entry("rhel", "RedHat"), Map.entry("fedora", "Fedora"), Map.entry("rocky", "Rocky"),
            Map.entry("almalinux", "AlmaLinux"), Map.entry("alpine", "Alpine"), Map.entry("arch", "Archlinux"),
            Map.entry("opensuse-leap", "openSUSE Leap"), Map.entry("sles", "SLES"), Map.entry("linuxmint", "Linux Mint"),
            Map.entry("amzn", "Amazon"), Map.entry("ol", "OracleLinux"));
    private static final Map<String, String> FAMILY = Map.ofEntries(Map.entry("Debian", "Debian"), Map.entry("Ubuntu", "Debian"),
            Map.entry("Linux Mint", "Debian"), Map.entry("CentOS", "RedHat"), Map.entry("RedHat", "RedHat"), Map.entry("Fedora", "RedHat"),
            Map.entry("Rocky", "RedHat"), Map.entry("AlmaLinux", "RedHat"), Map.entry("Amazon", "RedHat"), Map.entry("OracleLinux", "RedHat"),
            Map.entry("Alpine", "Alpine"), Map.entry("Archlinux", "Archlinux"), Map.entry("openSUSE Leap", "Suse"), Map.entry("SLES", "Suse"));

    private Facts() {}

    /** The subset a fact belongs to, for {@code gather_subset}. */
    static String group(String key, Object value) {
        String k = key.replaceFirst("^ansible_", "");
        if (value instanceof Map<?, ?> m && m.containsKey("device")) return "network";
        if (k.startsWith("mem") || k.startsWith("swap") || k.startsWith("processor") || k.equals("uptime_seconds")) return "hardware";
        if (k.startsWith("virtualization")) return "virtual";
        if (k.startsWith("default_ipv4") || k.equals("all_ipv4_addresses") || k.equals("interfaces")) return "network";
        return "min";
    }

    static Map<String, Object> build(Map<String, List<String>> raw) {
        Map<String, Object> f = new LinkedHashMap<>();
        platform(raw, f);
        distribution(raw, f);
        user(raw, f);
        hardware(raw, f);
        Network.facts(raw, f);
        dateTime(one(raw, "date"), f);
        f.put("ansible_service_mgr", serviceManager(one(raw, "pid1")));
        f.put("ansible_pkg_mgr", pkgManager(one(raw, "pkgmgr")));
        f.put("ansible_uptime_seconds", num(one(raw, "uptime")));
        dns(raw.getOrDefault("dns", List.of()), f);
        f.put("ansible_apparmor", Map.of("status", "Y".equals(one(raw, "apparmor")) ? "enabled" : "disabled"));
        String se = one(raw, "selinux");
        f.put("ansible_selinux", se.isEmpty() ? Map.of("status", "disabled") : Map.of("status", se.toLowerCase(Locale.ROOT)));
        String virt = one(raw, "virt");
        f.put("ansible_virtualization_type", virt.isEmpty() ? "NA" : virt.toLowerCase(Locale.ROOT).contains("kvm") ? "kvm" : "NA");
        f.put("ansible_virtualization_role", virt.isEmpty() ? "NA" : "guest");
        Map<String, Object> env = new LinkedHashMap<>();
        for (String l : raw.getOrDefault("env", List.of())) {
            int eq = l.indexOf('=');
            if (eq > 0) env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        f.put("ansible_env", env);
        return f;
    }

    static String one(Map<String, List<String>> raw, String key) {
        List<String> v = raw.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    static Object num(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void platform(Map<String, List<String>> raw, Map<String, Object> f) {
        String node = one(raw, "uname_n");
        String host = one(raw, "hostname");
        String fqdn = one(raw, "fqdn");
        f.put("ansible_hostname", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        f.put("ansible_nodename", node);
        f.put("ansible_fqdn", fqdn.isEmpty() ? node : fqdn);
        f.put("ansible_domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
        f.put("ansible_system", one(raw, "uname_s"));
        f.put("ansible_kernel", one(raw, "uname_r"));
        f.put("ansible_kernel_version", one(raw, "uname_v"));
        f.put("ansible_machine", one(raw, "uname_m"));
        f.put("ansible_architecture", one(raw, "uname_m"));
    }

    private static void distribution(Map<String, List<String>> raw, Map<String, Object> f) {
        Map<String, String> os = new LinkedHashMap<>();
        for (String l : raw.getOrDefault("osr", List.of())) {
            int eq = l.indexOf('=');
            if (eq > 0) os.put(l.substring(0, eq), l.substring(eq + 1).replaceAll("^\"|\"$", ""));
        }
        String id = os.getOrDefault("ID", "");
        String name = DISTRO.getOrDefault(id, id.isEmpty() ? "NA" : Character.toUpperCase(id.charAt(0)) + id.substring(1));
        String version = os.getOrDefault("VERSION_ID", "NA");
        if (name.equals("Debian") && !one(raw, "debian_version").isEmpty()) version = one(raw, "debian_version");
        String codename = os.getOrDefault("VERSION_CODENAME", os.getOrDefault("UBUNTU_CODENAME", "NA"));
        f.put("ansible_distribution", name);
        f.put("ansible_distribution_version", version);
        f.put("ansible_distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        f.put("ansible_distribution_release", codename);
        f.put("ansible_distribution_file_variety", FAMILY.getOrDefault(name, name));
        f.put("ansible_os_family", FAMILY.getOrDefault(name, name));
        Map<String, Object> lsb = new LinkedHashMap<>();
        lsb.put("codename", codename);
        lsb.put("description", os.getOrDefault("PRETTY_NAME", name));
        lsb.put("id", name);
        lsb.put("major_release", f.get("ansible_distribution_major_version"));
        lsb.put("release", os.getOrDefault("VERSION_ID", version));
        f.put("ansible_lsb", lsb);
    }

    private static void user(Map<String, List<String>> raw, Map<String, Object> f) {
        f.put("ansible_user_id", one(raw, "user"));
        f.put("ansible_user_uid", num(one(raw, "uid")));
        f.put("ansible_user_gid", num(one(raw, "gid")));
        f.put("ansible_user_dir", one(raw, "home"));
        f.put("ansible_user_shell", one(raw, "shell"));
    }

    private static void hardware(Map<String, List<String>> raw, Map<String, Object> f) {
        Map<String, Long> mem = new LinkedHashMap<>();
        for (String l : raw.getOrDefault("mem", List.of())) {
            String[] p = l.split(":\\s*|\\s+");
            if (p.length >= 2) mem.put(p[0], Long.parseLong(p[1]) / 1024);
        }
        f.put("ansible_memtotal_mb", mem.getOrDefault("MemTotal", 0L));
        f.put("ansible_memfree_mb", mem.getOrDefault("MemFree", 0L));
        f.put("ansible_swaptotal_mb", mem.getOrDefault("SwapTotal", 0L));
        f.put("ansible_swapfree_mb", mem.getOrDefault("SwapFree", 0L));
        Object vcpus = num(one(raw, "nproc"));
        long sockets = num(one(raw, "sockets")) instanceof Long s && s > 0 ? s : 1;
        Object cores = num(one(raw, "cores"));
        f.put("ansible_processor_vcpus", vcpus);
        f.put("ansible_processor_count", sockets);
        f.put("ansible_processor_cores", cores == null ? vcpus : cores);
        long v = vcpus instanceof Long l ? l : 1;
        long c = cores instanceof Long l && l > 0 ? l : v;
        f.put("ansible_processor_threads_per_core", Math.max(1, v / Math.max(1, c * sockets)));
        List<Object> proc = new ArrayList<>();
        for (long i = 0; i < v; i++) {
            proc.add(String.valueOf(i));
            proc.add(one(raw, "cpumodel"));
        }
        f.put("ansible_processor", proc);
    }

    private static void dateTime(String d, Map<String, Object> f) {
        String[] p = d.split("\\|", -1);
        if (p.length < 16) return;
        Map<String, Object> m = new LinkedHashMap<>();
        String micro = p[15].length() >= 6 ? p[15].substring(0, 6) : "000000";
        m.put("date", p[0]);
        m.put("day", p[14]);
        m.put("epoch", p[4]);
        m.put("epoch_int", p[4]);
        m.put("hour", p[1]);
        m.put("iso8601", p[0] + "T" + p[1] + ":" + p[2] + ":" + p[3] + "Z");
        m.put("iso8601_basic", p[0].replace("-", "") + "T" + p[1] + p[2] + p[3] + micro);
        m.put("iso8601_basic_short", p[0].replace("-", "") + "T" + p[1] + p[2] + p[3]);
        m.put("iso8601_micro", p[0] + "T" + p[1] + ":" + p[2] + ":" + p[3] + "." + micro + "Z");
        m.put("minute", p[2]);
        m.put("month", p[13]);
        m.put("second", p[3]);
        m.put("time", p[1] + ":" + p[2] + ":" + p[3]);
        m.put("tz", p[5]);
        m.put("tz_dst", p[5]);
        m.put("tz_offset", p[6]);
        m.put("weekday", p[7]);
        m.put("weekday_number", p[9]);
        m.put("weeknumber", p[10]);
        m.put("year", p[0].substring(0, 4));
        f.put("ansible_date_time", m);
    }

    private static String serviceManager(String pid1) {
        if (pid1.equals("systemd")) return "systemd";
        if (pid1.equals("init")) return "sysvinit";
        return pid1.isEmpty() ? "service" : pid1;
    }

    private static String pkgManager(String m) {
        return switch (m) {
            case "apt-get" -> "apt";
            case "" -> "unknown";
            default -> m;
        };
    }

    private static void dns(List<String> lines, Map<String, Object> f) {
        List<Object> ns = new ArrayList<>();
        List<Object> search = new ArrayList<>();
        for (String l : lines) {
            String[] p = l.strip().split("\\s+");
            if (p[0].equals("nameserver") && p.length > 1) ns.add(p[1]);
            if ((p[0].equals("search") || p[0].equals("domain")) && p.length > 1) search.addAll(List.of((Object[]) java.util.Arrays.copyOfRange(p, 1, p.length)));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("nameservers", ns);
        if (!search.isEmpty()) d.put("search", search);
        f.put("ansible_dns", d);
    }
}
