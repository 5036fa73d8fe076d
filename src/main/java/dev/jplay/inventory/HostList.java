package dev.jplay.inventory;

import dev.jplay.source.Loc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comma-separated host lists ({@code -i 'a,b:2222,'}): Ansible's {@code host_list} plugin, or
 * {@code advanced_host_list} ({@code web[1:3],}: ranges expanded) when that one comes first in the enabled plugins.
 */
final class HostList {
    /** Ansible's {@code hostport}: a name (brackets allowed) and a {@code :port}; {@code [host]:port} too. */
    private static final Pattern HOST_PORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^]]*])*):([0-9]+)$");
    private static final Pattern BRACKETED_PORT = Pattern.compile("^\\[(.+)]:([0-9]+)$");

    private HostList() {}

    /**
     * Adds the hosts of {@code src} to {@code b}; false when no enabled plugin takes a host list. A list the advanced
     * plugin cannot expand is reported as Ansible does (a warning; the source is skipped, nothing of it is added).
     */
    static boolean parse(String src, Inventory.Setup log, Builder b) {
        for (String plugin : log.plugins()) {
            if (plugin.equals("host_list") || plugin.equals("advanced_host_list")) {
                List<Entry> entries;
                try {
                    entries = entries(src, plugin.equals("advanced_host_list"), log);
                } catch (IllegalArgumentException e) {
                    log.warn().accept("\n* Failed to parse " + src + " with " + plugin + " plugin: Invalid data from string, could not parse: "
                            + e.getMessage());
                    return false;
                }
                for (Entry e : entries) {
                    if (b.hosts.containsKey(e.name())) continue;
                    Builder.H host = b.host(e.name(), "ungrouped", Loc.of("-i"), null);
                    if (e.port() != null) host.vars.put("ansible_port", e.port());
                }
                return true;
            }
        }
        return false;
    }

    private record Entry(String name, Long port) {}

    private static List<Entry> entries(String src, boolean ranges, Inventory.Setup log) {
        List<Entry> out = new ArrayList<>();
        for (String entry : src.split(",")) {
            String h = entry.strip();
            if (h.isEmpty()) continue;
            String name = h;
            Long port = null;
            Matcher m = BRACKETED_PORT.matcher(h);
            if (!m.matches()) m = HOST_PORT.matcher(h);
            if (m.matches()) {
                name = m.group(1);
                port = Long.parseLong(m.group(2));
            }
            List<String> names = List.of(name);
            if (ranges && name.contains("[")) {
                try {
                    names = Ranges.expand(name);
                } catch (Ranges.BadRange e) {
                    log.verbose().accept(3, "Unable to parse address from hostname, leaving unchanged: " + e.getMessage());
                    names = List.of(h);
                    port = null;
                }
            }
            for (String n : names) out.add(new Entry(n, port));
        }
        return out;
    }
}
