package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Memory, processor, DMI and uptime facts ({@code gather_subset: hardware}). */
final class HardwareFacts {
    private static final List<String> FORM_FACTOR = List.of("Unknown", "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box",
            "Mini Tower", "Tower", "Portable", "Laptop", "Notebook", "Hand Held", "Docking Station", "All In One", "Sub Notebook",
            "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis", "Sub Chassis", "Bus Expansion Chassis",
            "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC", "Multi-system", "CompactPCI", "AdvancedTCA",
            "Blade", "Blade Enclosure", "Tablet", "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");
    private static final List<String> DMI = List.of("bios_date", "bios_vendor", "bios_version", "board_asset_tag", "board_name", "board_serial",
            "board_vendor", "board_version", "chassis_asset_tag", "chassis_serial", "chassis_vendor", "chassis_version", "product_name",
            "product_serial", "product_uuid", "product_version");

    private HardwareFacts() {}

    static void collect(RawFacts raw, FactSet f) {
        memory(raw, f);
        processors(raw, f);
        Map<String, String> dmi = raw.pairs("dmi", "=");
        for (String k : DMI) f.put("hardware", k, dmi.getOrDefault(k, "NA").isEmpty() ? "NA" : dmi.getOrDefault(k, "NA"));
        f.put("hardware", "system_vendor", dmi.getOrDefault("sys_vendor", "NA"));
        Long chassis = RawFacts.num(dmi.getOrDefault("chassis_type", ""));
        f.put("hardware", "form_factor", chassis == null ? "NA" : chassis >= 0 && chassis < FORM_FACTOR.size() ? FORM_FACTOR.get(chassis.intValue()) : "unknown " + chassis);
        String up = raw.one("uptime");
        if (!up.isEmpty()) f.put("hardware", "uptime_seconds", (long) Double.parseDouble(up));
        f.put("hardware", "lvm", "N/A");
    }

    private static void memory(RawFacts raw, FactSet f) {
        Map<String, Long> mem = new LinkedHashMap<>();
        for (String l : raw.all("mem")) {
            String[] p = l.split(":\\s*|\\s+");
            Long v = p.length >= 2 ? RawFacts.num(p[1]) : null;
            if (v != null) mem.put(p[0], v / 1024);
        }
        long total = mem.getOrDefault("MemTotal", 0L);
        long free = mem.getOrDefault("MemFree", 0L);
        long swapTotal = mem.getOrDefault("SwapTotal", 0L);
        long swapFree = mem.getOrDefault("SwapFree", 0L);
        f.put("hardware", "memfree_mb", free);
        f.put("hardware", "memtotal_mb", total);
        f.put("hardware", "swapfree_mb", swapFree);
        f.put("hardware", "swaptotal_mb", swapTotal);
        long nocacheFree = free + mem.getOrDefault("Buffers", 0L) + mem.getOrDefault("Cached", 0L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nocache", Map.of("free", nocacheFree, "used", total - nocacheFree));
        m.put("real", Map.of("free", free, "total", total, "used", total - free));
        m.put("swap", Map.of("cached", mem.getOrDefault("SwapCached", 0L), "free", swapFree, "total", swapTotal, "used", swapTotal - swapFree));
        f.put("hardware", "memory_mb", m);
    }

    /** Ansible's reading of /proc/cpuinfo on x86-like machines: sockets from physical ids, cores and siblings per socket. */
    private static void processors(RawFacts raw, FactSet f) {
        List<Object> proc = new ArrayList<>();
        Set<String> sockets = new LinkedHashSet<>();
        long cores = 0;
        long siblings = 0;
        int count = 0;
        String physId = null;
        for (String l : raw.all("cpu")) {
            int colon = l.indexOf(':');
            String k = l.substring(0, colon).strip();
            String v = l.substring(colon + 1).strip();
            switch (k) {
                case "processor" -> {
                    proc.add(v);
                    count++;
                }
                case "vendor_id", "model name", "Processor", "cpu" -> proc.add(v);
                case "physical id" -> {
                    physId = v;
                    sockets.add(v);
                }
                case "cpu cores" -> cores = RawFacts.num(v) == null ? cores : RawFacts.num(v);
                case "siblings" -> siblings = RawFacts.num(v) == null ? siblings : RawFacts.num(v);
                default -> { }
            }
        }
        long socketCount = sockets.isEmpty() ? Math.max(1, count) : sockets.size();
        long coresPerSocket = cores > 0 ? cores : 1;
        long threads = Math.max(1, (siblings > 0 ? siblings : 1) / coresPerSocket);
        f.put("hardware", "processor", proc);
        f.put("hardware", "processor_count", sockets.isEmpty() && physId == null ? (long) count : socketCount);
        f.put("hardware", "processor_cores", coresPerSocket);
        f.put("hardware", "processor_threads_per_core", threads);
        f.put("hardware", "processor_vcpus", threads * coresPerSocket * (sockets.isEmpty() ? count : socketCount));
        Long nproc = RawFacts.num(raw.one("nproc"));
        f.put("hardware", "processor_nproc", nproc == null ? (long) count : nproc);
    }
}
