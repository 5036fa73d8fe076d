package dev.jplay.modules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fact script's output: {@code section<TAB>value} lines, by section and in order. */
final class RawFacts {
    record Line(String section, String value) {}

    private final List<Line> lines = new ArrayList<>();
    private final Map<String, List<String>> bySection = new LinkedHashMap<>();

    static RawFacts parse(String out) {
        RawFacts r = new RawFacts();
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) continue;
            Line l = new Line(line.substring(0, tab), line.substring(tab + 1));
            r.lines.add(l);
            r.bySection.computeIfAbsent(l.section(), k -> new ArrayList<>()).add(l.value());
        }
        return r;
    }

    List<Line> lines() {
        return lines;
    }

    List<String> all(String section) {
        return bySection.getOrDefault(section, List.of());
    }

    /** The first value of a section, stripped; "" when absent. */
    String one(String section) {
        List<String> v = bySection.get(section);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    boolean has(String section) {
        return bySection.containsKey(section);
    }

    /** {@code key=value} lines of a section as a map (quotes around values removed). */
    Map<String, String> pairs(String section, String sep) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : all(section)) {
            int eq = l.indexOf(sep);
            if (eq > 0) m.put(l.substring(0, eq).strip(), l.substring(eq + sep.length()).strip().replaceAll("^\"|\"$", ""));
        }
        return m;
    }

    static Long num(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
