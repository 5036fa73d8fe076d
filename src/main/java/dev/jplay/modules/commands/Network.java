package dev.jplay.modules.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Network facts from {@code ip -o -4 addr}, {@code ip -o link} and the default route. */
final class Network {
    private Network() {}

    static void facts(Map<String, List<String>> raw, Map<String, Object> f) {
        Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
        for (String l : raw.getOrDefault("link", List.of())) {
            String[] p = l.split("\\s+");
            if (p.length < 2) continue;
            String name = p[1].replaceAll(":$", "").replaceAll("@.*$", "");
            Map<String, Object> i = ifaces.computeIfAbsent(name, k -> new LinkedHashMap<>());
            i.put("device", name);
            i.put("active", l.contains(",UP") || l.contains("<UP"));
            for (int k = 0; k + 1 < p.length; k++) {
                if (p[k].equals("mtu")) i.put("mtu", Long.parseLong(p[k + 1]));
                if (p[k].startsWith("link/")) {
                    i.put("type", p[k].equals("link/ether") ? "ether" : p[k].equals("link/loopback") ? "loopback" : p[k].substring(5));
                    if (!p[k + 1].startsWith("brd")) i.put("macaddress", p[k + 1]);
                }
            }
        }
        List<Object> all = new ArrayList<>();
        for (String l : raw.getOrDefault("addr4", List.of())) {
            String[] p = l.split("\\s+");
            if (p.length < 4) continue;
            String name = p[1];
            String[] cidr = p[3].split("/");
            int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : 32;
            Map<String, Object> v4 = new LinkedHashMap<>();
            v4.put("address", cidr[0]);
            for (int k = 0; k + 1 < p.length; k++) if (p[k].equals("brd")) v4.put("broadcast", p[k + 1]);
            v4.put("netmask", mask(prefix));
            v4.put("network", network(cidr[0], prefix));
            v4.put("prefix", String.valueOf(prefix));
            Map<String, Object> i = ifaces.computeIfAbsent(name, k -> new LinkedHashMap<>(Map.of("device", name)));
            i.putIfAbsent("ipv4", v4);
            if (!cidr[0].startsWith("127.")) all.add(cidr[0]);
        }
        f.put("ansible_all_ipv4_addresses", all);
        f.put("ansible_interfaces", new ArrayList<Object>(ifaces.keySet()));
        for (var e : ifaces.entrySet()) f.put("ansible_" + e.getKey().replace('-', '_').replace('.', '_'), e.getValue());
        Map<String, Object> def = new LinkedHashMap<>();
        String route = Facts.one(raw, "route");
        if (!route.isEmpty()) {
            String[] p = route.split("\\s+");
            String dev = null;
            for (int k = 0; k + 1 < p.length; k++) {
                if (p[k].equals("via")) def.put("gateway", p[k + 1]);
                if (p[k].equals("dev")) dev = p[k + 1];
            }
            Map<String, Object> i = dev == null ? null : ifaces.get(dev);
            if (i != null) {
                def.put("interface", dev);
                def.put("alias", dev);
                if (i.get("ipv4") instanceof Map<?, ?> v4) v4.forEach((k, v) -> def.put(String.valueOf(k), v));
                if (i.containsKey("macaddress")) def.put("macaddress", i.get("macaddress"));
                if (i.containsKey("mtu")) def.put("mtu", i.get("mtu"));
                if (i.containsKey("type")) def.put("type", i.get("type"));
            }
        }
        f.put("ansible_default_ipv4", new java.util.TreeMap<>(def));
    }

    private static String mask(int prefix) {
        long m = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        return (m >> 24 & 255) + "." + (m >> 16 & 255) + "." + (m >> 8 & 255) + "." + (m & 255);
    }

    private static String network(String addr, int prefix) {
        String[] o = addr.split("\\.");
        long a = 0;
        for (String x : o) a = a << 8 | Long.parseLong(x);
        long m = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        long n = a & m;
        return (n >> 24 & 255) + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
