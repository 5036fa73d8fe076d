package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's host patterns evaluated over the {@code groups} variable (for the inventory_hostnames lookup): names,
 * groups, {@code all}, wildcards, {@code ~regex}, {@code [n]} / {@code [a:b]} subscripts, {@code :} or {@code ,}
 * unions, {@code :&} intersections and {@code :!} exclusions (applied in that order).
 */
final class HostPatterns {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(-?\\d+)(?:([:-])(-?\\d*))?\\]$");

    private HostPatterns() {}

    static List<String> select(Map<?, ?> groups, List<String> terms) {
        List<String> patterns = new ArrayList<>();
        for (String t : terms) patterns.addAll(split(t));
        List<String> plain = new ArrayList<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String p : patterns) {
            if (p.startsWith("&")) and.add(p.substring(1));
            else if (p.startsWith("!")) not.add(p.substring(1));
            else plain.add(p);
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String p : plain) hosts.addAll(match(groups, p));
        if (plain.isEmpty() && !and.isEmpty()) hosts.addAll(match(groups, "all"));
        for (String p : and) hosts.retainAll(new LinkedHashSet<>(match(groups, p)));
        for (String p : not) match(groups, p).forEach(hosts::remove);
        return new ArrayList<>(hosts);
    }

    private static final Pattern PART = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    /** Ansible's split: on commas, else on colons outside brackets. */
    private static List<String> split(String term) {
        List<String> out = new ArrayList<>();
        if (term.contains(",")) {
            for (String part : term.split(",")) if (!part.isBlank()) out.add(part.strip());
            return out;
        }
        Matcher m = PART.matcher(term);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static List<String> match(Map<?, ?> groups, String pattern) {
        Matcher sub = SUBSCRIPT.matcher(pattern);
        if (sub.matches() && !pattern.startsWith("~")) {
            List<String> hosts = match(groups, sub.group(1));
            int n = hosts.size();
            int start = Integer.parseInt(sub.group(2));
            if (start < 0) start += n;
            if (sub.group(3) == null) return start >= 0 && start < n ? List.of(hosts.get(start)) : List.of();
            int end = sub.group(4).isEmpty() ? n - 1 : Integer.parseInt(sub.group(4));
            if (end < 0) end += n;
            return start <= end && start < n ? hosts.subList(Math.max(0, start), Math.min(n, end + 1)) : List.of();
        }
        List<String> all = names(groups.get("all"));
        if (pattern.equals("all") || pattern.equals("*")) return all;
        if (groups.containsKey(pattern)) return names(groups.get(pattern));
        Set<String> out = new LinkedHashSet<>();
        Pattern re = pattern.startsWith("~") ? Pattern.compile(pattern.substring(1)) : null;
        Pattern glob = re == null && (pattern.contains("*") || pattern.contains("?") || pattern.contains("["))
                ? Pattern.compile(globRegex(pattern)) : null;
        for (var g : groups.entrySet()) {
            String name = PyOps.keyString(g.getKey());
            if (re != null ? re.matcher(name).lookingAt() : glob != null && glob.matcher(name).matches()) out.addAll(names(g.getValue()));
        }
        for (String h : all) {
            if (re != null ? re.matcher(h).lookingAt() : glob != null ? glob.matcher(h).matches() : h.equals(pattern)) out.add(h);
        }
        return new ArrayList<>(out);
    }

    private static List<String> names(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) out.add(PyOps.str(o));
        return out;
    }

    private static String globRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[', ']' -> sb.append(c);
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
