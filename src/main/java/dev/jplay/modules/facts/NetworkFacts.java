package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Interfaces, addresses and default routes from {@code ip -o addr}, {@code ip -o link}, {@code ip route get} and /sys/class/net. */
final class NetworkFacts {
    private NetworkFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        Map<String, Map<String, Object>> ifaces = new TreeMap<>();
        for (String l : raw.all("link")) link(l, ifaces);
        for (String l : raw.all("netsys")) sys(l, ifaces);
        List<Object> all4 = new ArrayList<>();
        List<Object> all6 = new ArrayList<>();
        for (String l : raw.all("addr")) address(l, ifaces, all4, all6);
        f.put("network", "all_ipv4_addresses", all4);
        f.put("network", "all_ipv6_addresses", all6);
        f.put("network", "interfaces", new ArrayList<Object>(ifaces.keySet()));
        for (var e : ifaces.entrySet()) f.put("network", e.getKey().replace('-', '_').replace('.', '_').replace(':', '_'), e.getValue());
        String r4 = raw.one("route4").isEmpty() ? raw.one("defroute4") : raw.one("route4");
        f.put("network", "default_ipv4", defaultRoute(r4, ifaces, "ipv4"));
        f.put("network", "default_ipv6", defaultRoute(raw.one("route6"), ifaces, "ipv6"));
    }

    private static Map<String, Object> iface(Map<String, Map<String, Object>> ifaces, String name) {
        return ifaces.computeIfAbsent(name, k -> {
            Map<String, Object> m = new TreeMap<>();
            m.put("device", k);
            return m;
        });
    }

    private static void link(String l, Map<String, Map<String, Object>> ifaces) {
        String[] p = l.split("\\s+");
        if (p.length < 2) return;
        String name = p[1].replaceAll(":$", "").replaceAll("@.*$", "");
        Map<String, Object> i = iface(ifaces, name);
        for (int k = 0; k + 1 < p.length; k++) {
            if (p[k].equals("mtu")) i.put("mtu", Long.parseLong(p[k + 1]));
            if (p[k].startsWith("link/") && !p[k + 1].startsWith("brd") && !p[k + 1].equals("00:00:00:00:00:00")) i.put("macaddress", p[k + 1]);
        }
    }

    /** {@code name|speed|flags|type|bridge/bonding|driver module} from /sys/class/net. */
    private static void sys(String l, Map<String, Map<String, Object>> ifaces) {
        String[] p = l.split("\\|", -1);
        if (p.length < 6 || !ifaces.containsKey(p[0])) return;
        Map<String, Object> i = ifaces.get(p[0]);
        Long speed = RawFacts.num(p[1]);
        if (speed != null) i.put("speed", speed);
        long flags = p[2].startsWith("0x") ? Long.parseLong(p[2].substring(2), 16) : 0;
        i.put("active", (flags & 1) != 0);
        i.put("promisc", (flags & 0x100) != 0);
        String type = switch (p[3]) {
            case "1" -> "ether";
            case "772" -> "loopback";
            case "512" -> "ppp";
            case "" -> "unknown";
            default -> "unknown";
        };
        if (p[4].equals("bridge")) type = "bridge";
        if (p[4].equals("bonding")) type = "bonding";
        i.put("type", type);
        if (!p[5].isEmpty()) i.put("module", p[5].substring(p[5].lastIndexOf('/') + 1));
    }

    private static void address(String l, Map<String, Map<String, Object>> ifaces, List<Object> all4, List<Object> all6) {
        String[] p = l.replace("\\", " ").split("\\s+");
        if (p.length < 4) return;
        String name = p[1];
        String[] cidr = p[3].split("/");
        int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : p[2].equals("inet") ? 32 : 128;
        Map<String, Object> i = iface(ifaces, name);
        String scope = "";
        String brd = "";
        for (int k = 0; k + 1 < p.length; k++) {
            if (p[k].equals("scope")) scope = p[k + 1];
            if (p[k].equals("brd")) brd = p[k + 1];
        }
        if (p[2].equals("inet")) {
            Map<String, Object> v4 = new TreeMap<>();
            v4.put("address", cidr[0]);
            v4.put("broadcast", brd);
            v4.put("netmask", mask(prefix));
            v4.put("network", network(cidr[0], prefix));
            v4.put("prefix", String.valueOf(prefix));
            if (!i.containsKey("ipv4")) {
                i.put("ipv4", v4);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> sec = (List<Object>) i.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
                sec.add(v4);
            }
            if (!cidr[0].startsWith("127.")) all4.add(cidr[0]);
        } else if (p[2].equals("inet6")) {
            Map<String, Object> v6 = new TreeMap<>();
            v6.put("address", cidr[0]);
            v6.put("prefix", String.valueOf(prefix));
            v6.put("scope", scope);
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) i.computeIfAbsent("ipv6", k -> new ArrayList<>());
            list.add(v6);
            if (!cidr[0].equals("::1")) all6.add(cidr[0]);
        }
    }

    /** The interface a route lookup goes out of, with its first address of that family, as Ansible's default_ipvX. */
    private static Map<String, Object> defaultRoute(String route, Map<String, Map<String, Object>> ifaces, String family) {
        Map<String, Object> def = new TreeMap<>();
        if (route.isEmpty()) return def;
        String[] p = route.split("\\s+");
        String dev = null;
        String src = null;
        for (int k = 0; k + 1 < p.length; k++) {
            if (p[k].equals("via")) def.put("gateway", p[k + 1]);
            if (p[k].equals("dev")) dev = p[k + 1];
            if (p[k].equals("src")) src = p[k + 1];
        }
        Map<String, Object> i = dev == null ? null : ifaces.get(dev);
        if (i == null) return new TreeMap<>();
        def.put("interface", dev);
        def.put("alias", dev);
        Object addr = family.equals("ipv4") ? i.get("ipv4") : i.get("ipv6") instanceof List<?> l && !l.isEmpty() ? pick(l, src) : null;
        if (addr instanceof Map<?, ?> a) a.forEach((k, v) -> def.put(String.valueOf(k), v));
        for (String k : List.of("macaddress", "mtu", "type")) if (i.containsKey(k)) def.put(k, i.get(k));
        if (family.equals("ipv6")) def.remove("alias");
        return def;
    }

    private static Object pick(List<?> addrs, String src) {
        for (Object o : addrs) if (o instanceof Map<?, ?> m && String.valueOf(m.get("address")).equals(src)) return o;
        return addrs.get(0);
    }

    static String mask(int prefix) {
        long m = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        return (m >> 24 & 255) + "." + (m >> 16 & 255) + "." + (m >> 8 & 255) + "." + (m & 255);
    }

    static String network(String addr, int prefix) {
        long a = 0;
        for (String x : addr.split("\\.")) a = a << 8 | Long.parseLong(x);
        long m = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        long n = a & m;
        return (n >> 24 & 255) + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
