package dev.jplay.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documentation of the template library ({@code jplay doc -t filter|test|lookup}), read on demand from
 * {@code doc/<kind>.yml} beside this class: for each name a short description and, for the common ones, a longer
 * description, options and examples. Nothing here is loaded when templates are only evaluated.
 */
public final class Catalog {
    private Catalog() {}

    /** One documented filter, test or lookup. */
    public record Entry(String name, String shortDescription, String description, List<Option> options, String examples,
                        List<String> aliases, String origin) {}

    /** A documented argument. */
    public record Option(String name, String description, String type, String defaultValue, boolean required) {}

    /** Every documented entry of {@code kind}, in name order. */
    public static List<Entry> entries(TemplateCheck.Kind kind) {
        Object doc = load(kind);
        List<Entry> out = new ArrayList<>();
        if (!(doc instanceof Map<?, ?> m)) return out;
        for (var e : m.entrySet()) out.add(entry(String.valueOf(e.getKey()), e.getValue()));
        out.sort(java.util.Comparator.comparing(Entry::name));
        return out;
    }

    /** The entry for {@code name} (short or collection-qualified, or an alias), or null. */
    public static Entry entry(TemplateCheck.Kind kind, String name) {
        String n = Library.shortName(name);
        for (Entry e : entries(kind)) if (e.name().equals(n) || e.aliases().contains(n)) return e;
        return null;
    }

    static List<String> names(TemplateCheck.Kind kind) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries(kind)) {
            out.add(e.name());
            out.addAll(e.aliases());
        }
        return out;
    }

    private static Object load(TemplateCheck.Kind kind) {
        try (InputStream in = Catalog.class.getResourceAsStream("doc/" + kind.word() + ".yml")) {
            if (in == null) return Map.of();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new org.yaml.snakeyaml.Yaml().load(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String name, Object v) {
        Map<String, Object> m = v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("short", String.valueOf(v));
        List<Option> options = new ArrayList<>();
        if (m.get("options") instanceof Map<?, ?> opts) {
            for (var o : opts.entrySet()) {
                Map<String, Object> om = o.getValue() instanceof Map<?, ?> x ? (Map<String, Object>) x : new LinkedHashMap<>(Map.of("description", String.valueOf(o.getValue())));
                options.add(new Option(String.valueOf(o.getKey()), str(om.get("description")), str(om.get("type")),
                        om.containsKey("default") ? String.valueOf(om.get("default")) : null, Boolean.TRUE.equals(om.get("required"))));
            }
        }
        List<String> aliases = m.get("aliases") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new Entry(name, str(m.get("short")), str(m.get("description")), options, str(m.get("examples")), aliases,
                m.get("origin") == null ? "ansible.builtin" : String.valueOf(m.get("origin")));
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o).strip();
    }
}
