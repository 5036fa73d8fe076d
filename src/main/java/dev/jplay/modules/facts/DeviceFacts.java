package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Block devices ({@code ansible_devices}, {@code ansible_device_links}) and mounted filesystems ({@code ansible_mounts}). */
final class DeviceFacts {
    private static final String[] UNITS = {"Bytes", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private DeviceFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        Map<String, Map<String, List<Object>>> links = new TreeMap<>();
        for (String k : List.of("ids", "labels", "masters", "uuids")) links.put(k, new TreeMap<>());
        for (String l : raw.all("dlink")) {
            String[] p = l.split("\\|", -1);
            if (p.length < 3) continue;
            String dev = p[2].substring(p[2].lastIndexOf('/') + 1);
            links.get(p[0]).computeIfAbsent(dev, k -> new ArrayList<>()).add(p[1]);
        }
        Map<String, Object> devices = new TreeMap<>();
        for (String l : raw.all("blk")) {
            String[] p = l.split("\\|", -1);
            if (p.length < 12) continue;
            Map<String, Object> d = new TreeMap<>();
            String name = p[0];
            d.put("holders", words(p[10]));
            d.put("host", "");
            d.put("links", linksOf(links, name));
            d.put("model", p[7].strip().isEmpty() ? null : p[7].strip());
            d.put("partitions", partitions(raw, name, p[4], links));
            d.put("removable", p[1]);
            d.put("rotational", p[2]);
            d.put("sas_address", null);
            d.put("sas_device_handle", null);
            String sched = p[5].contains("[") ? p[5].replaceAll(".*\\[(.*)\\].*", "$1") : p[5].strip();
            d.put("scheduler_mode", sched);
            d.put("sectors", p[3]);
            d.put("sectorsize", p[4]);
            d.put("size", human(num(p[3]) * num(p[4].isEmpty() ? "512" : p[4])));
            d.put("support_discard", p[6].isEmpty() ? "0" : p[6]);
            d.put("vendor", p[8].strip().isEmpty() ? null : p[8].strip());
            if (!p[9].isEmpty()) d.put("virtual", 1L); // Ansible: every /sys/block entry that is a symlink
            devices.put(name, d);
        }
        Map<String, Object> dl = new TreeMap<>(links);
        f.put("hardware", "device_links", dl);
        f.put("hardware", "devices", devices);
        f.put("hardware", "mounts", mounts(raw));
    }

    private static Map<String, Object> linksOf(Map<String, Map<String, List<Object>>> links, String dev) {
        Map<String, Object> m = new TreeMap<>();
        links.forEach((k, byDev) -> m.put(k, byDev.getOrDefault(dev, new ArrayList<>())));
        return m;
    }

    private static Map<String, Object> partitions(RawFacts raw, String disk, String sectorSize,
                                                  Map<String, Map<String, List<Object>>> links) {
        Map<String, Object> parts = new TreeMap<>();
        for (String l : raw.all("part")) {
            String[] p = l.split("\\|", -1);
            if (p.length < 5 || !p[0].equals(disk)) continue;
            Map<String, Object> m = new TreeMap<>();
            m.put("holders", words(p[4]));
            m.put("links", linksOf(links, p[1]));
            m.put("sectors", p[3]);
            m.put("sectorsize", num(sectorSize.isEmpty() ? "512" : sectorSize));
            m.put("size", human(num(p[3]) * num(sectorSize.isEmpty() ? "512" : sectorSize)));
            m.put("start", p[2]);
            List<Object> uuids = links.get("uuids").get(p[1]);
            m.put("uuid", uuids == null || uuids.isEmpty() ? null : uuids.get(0));
            parts.put(p[1], m);
        }
        return parts;
    }

    /** Mounted filesystems as Ansible lists them (devices that are paths or remote), with statvfs sizes. */
    private static List<Object> mounts(RawFacts raw) {
        Map<String, String> uuids = new LinkedHashMap<>();
        for (String l : raw.all("lsblk")) {
            String[] p = l.strip().split("\\s+");
            if (p.length == 2) uuids.put("/dev/" + p[0], p[1]);
        }
        List<Object> out = new ArrayList<>();
        for (String l : raw.all("mnt")) {
            int bar = l.lastIndexOf('|');
            String[] m = l.substring(0, bar).split("\\s+");
            String[] s = l.substring(bar + 1).strip().split("\\s+");
            if (m.length < 6 || m[2].equals("none")) continue;
            Map<String, Object> e = new TreeMap<>();
            e.put("mount", m[1].replace("\\040", " "));
            e.put("device", m[0]);
            e.put("fstype", m[2]);
            e.put("options", m[3]);
            e.put("dump", num(m[4]));
            e.put("passno", num(m[5]));
            if (s.length >= 6) {
                long bsize = num(s[0]);
                long blocks = num(s[1]);
                long bfree = num(s[2]);
                long bavail = num(s[3]);
                long files = num(s[4]);
                long ffree = num(s[5]);
                e.put("size_total", blocks * bsize);
                e.put("size_available", bavail * bsize);
                e.put("block_size", bsize);
                e.put("block_total", blocks);
                e.put("block_available", bavail);
                e.put("block_used", blocks - bfree);
                e.put("inode_total", files);
                e.put("inode_available", ffree);
                e.put("inode_used", files - ffree);
            }
            e.put("uuid", uuids.getOrDefault(m[0], "N/A"));
            out.add(e);
        }
        return out;
    }

    private static List<Object> words(String s) {
        List<Object> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static long num(String s) {
        Long v = RawFacts.num(s);
        return v == null ? 0 : v;
    }

    /** Ansible's bytes_to_human: two decimals and a binary unit ("0.00 Bytes", "20.00 GB"). */
    static String human(long bytes) {
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < UNITS.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(java.util.Locale.ROOT, "%.2f %s", v, UNITS[i]);
    }
}
