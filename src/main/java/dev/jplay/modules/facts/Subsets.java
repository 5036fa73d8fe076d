package dev.jplay.modules.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code gather_subset} rules: {@code min} is always added first, {@code all} adds every collector,
 * {@code !x} excludes (with {@code !all} keeping the minimal ones), an explicitly named subset beats its exclusion.
 * Fact ids that Ansible's collectors own ({@code dmi}, {@code mounts}, {@code interfaces} ...) select their collector.
 */
final class Subsets {
    static final Set<String> MIN = Set.of("apparmor", "caps", "cmdline", "date_time", "distribution", "dns", "env", "fips", "local",
            "lsb", "pkg_mgr", "platform", "python", "selinux", "service_mgr", "ssh_pub_keys", "user");
    static final Set<String> OTHER = Set.of("hardware", "network", "virtual", "chroot", "fibre_channel", "iscsi", "nvme", "loadavg");
    /** Fact ids Ansible accepts as subsets, and the collector that gathers each. */
    private static final Map<String, String> ALIASES = aliases();

    private static Map<String, String> aliases() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String k : List.of("devices", "mounts", "processor", "processor_cores", "processor_count")) m.put(k, "hardware");
        for (String k : List.of("all_ipv4_addresses", "all_ipv6_addresses", "default_ipv4", "default_ipv6", "interfaces")) m.put(k, "network");
        for (String k : List.of("architecture", "kernel", "kernel_version", "machine", "machine_id", "python_version", "system")) m.put(k, "platform");
        for (String k : List.of("distribution_major_version", "distribution_release", "distribution_version", "os_family")) m.put(k, "distribution");
        for (String k : List.of("effective_group_ids", "effective_user_id", "real_user_id", "user_dir", "user_gecos", "user_gid", "user_id",
                "user_shell", "user_uid")) m.put(k, "user");
        for (String k : List.of("ssh_host_key_dsa_public", "ssh_host_key_ecdsa_public", "ssh_host_key_ed25519_public",
                "ssh_host_key_rsa_public", "ssh_host_pub_keys")) m.put(k, "ssh_pub_keys");
        for (String k : List.of("virtualization_role", "virtualization_tech_guest", "virtualization_tech_host", "virtualization_type")) m.put(k, "virtual");
        m.put("system_capabilities", "caps");
        m.put("system_capabilities_enforced", "caps");
        m.put("fibre_channel_wwn", "fibre_channel");
        m.put("is_chroot", "chroot");
        m.put("facter", "facter");
        m.put("ohai", "ohai");
        return Map.copyOf(m);
    }

    private Subsets() {}

    /** The collectors to report; an unknown subset is an error with Ansible's message. */
    static Set<String> resolve(List<String> requested) {
        Set<String> valid = new HashSet<>(MIN);
        valid.addAll(OTHER);
        Set<String> additional = new HashSet<>(MIN);
        Set<String> exclude = new HashSet<>();
        Set<String> explicit = new HashSet<>();
        for (String raw : requested.isEmpty() ? List.of("all") : requested) {
            String s = raw.strip();
            if (s.equals("min")) continue;
            if (s.equals("all")) {
                additional.addAll(valid);
                continue;
            }
            if (s.startsWith("!")) {
                String n = s.substring(1);
                if (n.equals("min")) exclude.addAll(MIN);
                else if (n.equals("all")) {
                    Set<String> rest = new HashSet<>(valid);
                    rest.removeAll(MIN);
                    exclude.addAll(rest);
                } else {
                    exclude.add(ALIASES.getOrDefault(n, n));
                }
                continue;
            }
            String n = ALIASES.getOrDefault(s, s);
            if (n.equals("facter") || n.equals("ohai")) continue;
            if (!valid.contains(n)) {
                throw new IllegalArgumentException("Bad subset '" + s + "' given to Ansible. gather_subset options allowed: all, "
                        + String.join(", ", new java.util.TreeSet<>(java.util.stream.Stream.concat(valid.stream(), ALIASES.keySet().stream()).toList())));
            }
            explicit.add(n);
            additional.add(n);
        }
        exclude.removeAll(explicit);
        additional.removeAll(exclude);
        // collectors' own requirements, gathered even when excluded (as Ansible's required_facts)
        if (additional.contains("hardware") || additional.contains("network")) additional.add("platform");
        if (additional.contains("network")) additional.add("distribution");
        if (additional.contains("service_mgr")) additional.addAll(List.of("platform", "distribution"));
        if (additional.contains("pkg_mgr")) additional.add("distribution");
        return additional;
    }
}
