package dev.jplay.modules.facts;

import dev.jplay.data.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Date/time, DNS, environment, security (AppArmor, SELinux, capabilities, FIPS), kernel command line, SSH host keys, Python, chroot and load facts. */
final class SystemFacts {
    private SystemFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        dateTime(raw, f);
        dns(raw, f);
        Map<String, Object> env = new LinkedHashMap<>();
        for (String l : raw.all("env")) {
            int eq = l.indexOf('=');
            if (eq > 0) env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        f.put("env", "env", env);
        f.put("apparmor", "apparmor", Map.of("status", raw.has("apparmor_dir") || "Y".equals(raw.one("apparmor")) ? "enabled" : "disabled"));
        Map<String, Object> py = python(raw);
        if (py != null) {
            Object version = py.remove("python_version");
            boolean selinuxLib = Boolean.TRUE.equals(py.remove("selinux"));
            py.put("type", String.valueOf(py.get("type")).toLowerCase(java.util.Locale.ROOT));
            f.put("python", "python", py);
            f.put("platform", "python_version", version);
            f.put("selinux", "selinux_python_present", selinuxLib);
            f.put("selinux", "selinux", Map.of("status", selinuxLib ? selinuxStatus(raw) : "Missing selinux Python library"));
        } else {
            f.put("selinux", "selinux", Map.of("status", selinuxStatus(raw)));
        }
        caps(raw, f);
        String cmdline = raw.one("cmdline");
        if (!cmdline.isEmpty()) {
            f.put("cmdline", "cmdline", cmdline(cmdline, false));
            f.put("cmdline", "proc_cmdline", cmdline(cmdline, true));
        }
        f.put("fips", "fips", raw.one("fips").equals("1"));
        for (String k : raw.all("sshkey")) {
            String[] p = k.split("\\|", 2);
            String algo = p[0].replaceAll("^ssh_host_|_key\\.pub$", "");
            String[] key = p.length > 1 ? p[1].strip().split("\\s+") : new String[0];
            if (key.length < 2) continue;
            f.put("ssh_pub_keys", "ssh_host_key_" + algo + "_public", key[1]);
            f.put("ssh_pub_keys", "ssh_host_key_" + algo + "_public_keytype", key[0]);
        }
        chroot(raw, f);
        String[] load = raw.one("loadavg").split("\\s+");
        if (load.length >= 3) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("1m", Double.parseDouble(load[0]));
            l.put("5m", Double.parseDouble(load[1]));
            l.put("15m", Double.parseDouble(load[2]));
            f.put("loadavg", "loadavg", l);
        }
        f.put("iscsi", "iscsi_iqn", raw.one("iscsi"));
        f.put("nvme", "hostnqn", raw.one("hostnqn"));
        f.put("fibre_channel", "fibre_channel_wwn", new ArrayList<>());
        f.put("local", "local", LocalFacts.parse(raw));
    }

    private static String selinuxStatus(RawFacts raw) {
        String se = raw.one("selinux").toLowerCase(java.util.Locale.ROOT);
        return se.isEmpty() || se.equals("disabled") ? "disabled" : "enabled";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> python(RawFacts raw) {
        String line = raw.one("python");
        if (line.isEmpty()) return null;
        try {
            return new LinkedHashMap<>((Map<String, Object>) Json.parse(line));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void caps(RawFacts raw, FactSet f) {
        if (!raw.has("caps")) return;
        String line = raw.one("caps");
        if (!line.startsWith("Current:")) return;
        if (line.split(":", -1)[1].strip().equals("=ep")) {
            f.put("caps", "system_capabilities_enforced", "False");
            f.put("caps", "system_capabilities", new ArrayList<>());
        } else {
            List<Object> caps = new ArrayList<>();
            for (String c : line.split("=", -1)[1].split(",")) caps.add(c.strip());
            f.put("caps", "system_capabilities_enforced", "True");
            f.put("caps", "system_capabilities", caps);
        }
    }

    /** Ansible's two readings of /proc/cmdline: last value wins ({@code cmdline}), repeated keys as lists ({@code proc_cmdline}). */
    static Map<String, Object> cmdline(String text, boolean lists) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String piece : words(text)) {
            String[] kv = piece.split("=", 2);
            if (kv.length == 1) {
                m.put(kv[0], true);
            } else if (lists && m.containsKey(kv[0])) {
                Object old = m.get(kv[0]);
                List<Object> l = old instanceof List<?> ol ? new ArrayList<>(ol) : new ArrayList<>(List.of(old));
                l.add(kv[1]);
                m.put(kv[0], l);
            } else {
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    /** Whitespace-separated words, quotes kept and protecting spaces (Python's shlex.split with posix=False). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                cur.append(c);
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    private static void chroot(RawFacts raw, FactSet f) {
        String[] p = raw.one("chroot").split("\\|", -1);
        if (p.length < 3 || p[0].isEmpty()) return;
        boolean chroot;
        if (!raw.pairs("env", "=").getOrDefault("debian_chroot", "").isEmpty()) chroot = true;
        else if (!p[1].isEmpty()) chroot = !p[0].equals(p[1]);
        else {
            String ino = p[0].substring(p[0].indexOf(':') + 1);
            String root = p[2].contains("btrfs") ? "256" : p[2].contains("xfs") ? "128" : "2";
            chroot = !ino.equals(root);
        }
        f.put("chroot", "is_chroot", chroot);
    }

    private static void dateTime(RawFacts raw, FactSet f) {
        String[] p = raw.one("date").split("\\|", -1);
        if (p.length < 15) return;
        Map<String, Object> m = new LinkedHashMap<>();
        String micro = p[13].length() >= 6 ? p[13].substring(0, 6) : "000000";
        String utc = raw.one("date_utc");
        m.put("date", p[0]);
        m.put("day", p[11]);
        m.put("epoch", p[4]);
        m.put("epoch_int", p[4]);
        m.put("hour", p[1]);
        m.put("iso8601", utc + "Z");
        m.put("iso8601_basic", p[0].replace("-", "") + "T" + p[1] + p[2] + p[3] + micro);
        m.put("iso8601_basic_short", p[0].replace("-", "") + "T" + p[1] + p[2] + p[3]);
        m.put("iso8601_micro", utc + "." + micro + "Z");
        m.put("minute", p[2]);
        m.put("month", p[12]);
        m.put("second", p[3]);
        m.put("time", p[1] + ":" + p[2] + ":" + p[3]);
        m.put("tz", p[5]);
        m.put("tz_dst", p[5]);
        m.put("tz_offset", p[6]);
        m.put("weekday", p[7]);
        m.put("weekday_number", p[8]);
        m.put("weeknumber", p[9]);
        m.put("year", p[14]);
        f.put("date_time", "date_time", m);
    }

    private static void dns(RawFacts raw, FactSet f) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String l : raw.all("dns")) {
            String[] p = l.strip().split("\\s+");
            if (p.length < 2 || p[0].startsWith("#") || p[0].startsWith(";")) continue;
            switch (p[0]) {
                case "nameserver" -> {
                    if (!(d.get("nameservers") instanceof List<?>)) d.put("nameservers", new ArrayList<Object>());
                    @SuppressWarnings("unchecked")
                    List<Object> servers = (List<Object>) d.get("nameservers");
                    servers.add(p[1]);
                }
                case "domain" -> d.put("domain", p[1]);
                case "search" -> d.put("search", new ArrayList<Object>(List.of((Object[]) java.util.Arrays.copyOfRange(p, 1, p.length))));
                case "sortlist" -> d.put("sortlist", new ArrayList<Object>(List.of((Object[]) java.util.Arrays.copyOfRange(p, 1, p.length))));
                case "options" -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    for (int i = 1; i < p.length; i++) {
                        String[] kv = p[i].split(":", 2);
                        o.put(kv[0], kv.length > 1 ? kv[1] : true);
                    }
                    d.put("options", o);
                }
                default -> { }
            }
        }
        f.put("dns", "dns", d);
    }
}
