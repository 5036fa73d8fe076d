package dev.jplay.exec;

import dev.jplay.data.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts kept between runs as Ansible's {@code fact_caching=jsonfile} keeps them: one JSON file per host,
 * {@code <fact_caching_connection>/<fact_caching_prefix><host>}, expired after {@code fact_caching_timeout} seconds
 * (0: never). The default {@code memory} keeps nothing between runs. Files are written to a temp file and renamed.
 *
 * @param plugin {@code memory} or {@code jsonfile}
 */
public record FactCache(String plugin, Path dir, long timeoutSeconds, String prefix) {
    public static final FactCache MEMORY = new FactCache("memory", null, 86400, "ansible_facts");

    /** Checks the settings the way Ansible does when it loads the plugin; throws with Ansible's message. */
    public static FactCache of(String plugin, String connection, long timeoutSeconds, String prefix) {
        String p = plugin == null ? "memory" : plugin.replaceFirst("^ansible\\.builtin\\.", "");
        switch (p) {
            case "memory":
                return MEMORY;
            case "jsonfile":
                if (connection == null || connection.isBlank()) {
                    throw new IllegalArgumentException("error, 'jsonfile' cache plugin requires the 'fact_caching_connection' config option "
                            + "to be set (to a writeable directory path)");
                }
                return new FactCache(p, Path.of(connection.replaceFirst("^~", System.getProperty("user.home"))), timeoutSeconds,
                        prefix == null ? "ansible_facts" : prefix);
            default:
                throw new IllegalArgumentException("fact_caching = " + plugin + " is not supported by jplay (use memory or jsonfile)");
        }
    }

    boolean persistent() {
        return dir != null;
    }

    private Path file(String host) {
        return dir.resolve(prefix + host);
    }

    /** The cached facts of a host (under their names: most with the {@code ansible_} prefix), or an empty map (none, expired or unreadable). */
    @SuppressWarnings("unchecked")
    Map<String, Object> load(String host) {
        if (!persistent()) return Map.of();
        Path f = file(host);
        try {
            if (!Files.isRegularFile(f)) return Map.of();
            if (timeoutSeconds > 0 && Files.getLastModifiedTime(f).toInstant().plus(Duration.ofSeconds(timeoutSeconds)).isBefore(Instant.now())) {
                return Map.of();
            }
            Object data = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (!(data instanceof Map<?, ?> m)) return Map.of();
            return new LinkedHashMap<>((Map<String, Object>) m);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Writes a host's facts under their names, as Ansible's cache files have them. */
    void save(String host, Map<String, Object> facts) {
        if (!persistent()) return;
        Map<String, Object> out = new java.util.TreeMap<>(facts);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + prefix + host, ".tmp");
            Files.writeString(tmp, Json.write(out), StandardCharsets.UTF_8);
            Files.move(tmp, file(host), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fact cache " + file(host) + ": " + e.getMessage(), e);
        }
    }

    /** {@code --flush-cache}: forgets these hosts' cached facts. */
    void flush(Collection<String> hosts) {
        if (!persistent()) return;
        for (String h : hosts) {
            try {
                Files.deleteIfExists(file(h));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush the fact cache " + file(h) + ": " + e.getMessage(), e);
            }
        }
    }
}
