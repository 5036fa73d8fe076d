package dev.jplay.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible host patterns: {@code a:b}, {@code a,b}, {@code a:&b}, {@code a:!b} (normal terms first, then
 * intersections, then exclusions), globs, {@code ~regex}, subscripts {@code g[0]}, {@code g[1:3]} (end included),
 * {@code g[-1]}, and {@code @file} (one host per line, as retry files).
 */
final class Patterns {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(-?\\d+)(?::(-?\\d*))?]$");
    static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "::1");

    private Patterns() {}

    static List<String> select(Inventory.State s, Inventory.Derived d, String pattern, Path cwd, Consumer<String> warn) {
        List<String> terms = split(pattern);
        List<String> ordered = new ArrayList<>();
        for (String t : terms) if (!t.startsWith("&") && !t.startsWith("!")) ordered.add(t);
        for (String t : terms) if (t.startsWith("&")) ordered.add(t);
        for (String t : terms) if (t.startsWith("!")) ordered.add(t);
        LinkedHashSet<String> result = new LinkedHashSet<>();
        if (ordered.isEmpty() || ordered.get(0).startsWith("&") || ordered.get(0).startsWith("!")) result.addAll(d.groupHosts("all"));
        for (String t : ordered) {
            char op = t.charAt(0);
            String p = op == '&' || op == '!' ? t.substring(1) : t;
            List<String> matched = matchOne(s, d, p, cwd);
            if (matched.isEmpty()) warn.accept("Could not match supplied host pattern, ignoring: " + p);
            if (op == '!') matched.forEach(result::remove);
            else if (op == '&') result.retainAll(Set.copyOf(matched));
            else result.addAll(matched);
        }
        return new ArrayList<>(result);
    }

    static List<String> split(String pattern) {
        List<String> out = new ArrayList<>();
        String sep = pattern.contains(",") ? "," : ":";
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '[') depth++;
            if (c == ']') depth--;
            if (depth == 0 && sep.indexOf(c) >= 0) {
                if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static List<String> matchOne(Inventory.State s, Inventory.Derived d, String p, Path cwd) {
        if (p.startsWith("@")) return fromFile(s, cwd.resolve(p.substring(1)));
        Matcher sub = SUBSCRIPT.matcher(p);
        if (!p.startsWith("~") && sub.matches() && !s.hosts().containsKey(p)) {
            List<String> base = enumerate(s, d, sub.group(1));
            return subscript(base, Integer.parseInt(sub.group(2)), sub.group(3));
        }
        return enumerate(s, d, p);
    }

    private static List<String> subscript(List<String> hosts, int start, String end) {
        int n = hosts.size();
        if (end == null) {
            int i = start < 0 ? n + start : start;
            return i >= 0 && i < n ? List.of(hosts.get(i)) : List.of();
        }
        int a = start < 0 ? n + start : start;
        int b = end.isEmpty() ? n - 1 : Integer.parseInt(end) < 0 ? n + Integer.parseInt(end) : Integer.parseInt(end);
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, a); i <= Math.min(b, n - 1); i++) out.add(hosts.get(i));
        return out;
    }

    private static List<String> enumerate(Inventory.State s, Inventory.Derived d, String p) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Pattern re = p.startsWith("~") ? Pattern.compile(p.substring(1)) : glob(p);
        boolean special = p.startsWith("~") || p.contains(".") || p.contains("?") || p.contains("*") || p.contains("[");
        boolean anyGroup = false;
        for (String g : s.groups().keySet()) {
            if (g.equals(p) || (re != null && (p.startsWith("~") ? re.matcher(g).find() : re.matcher(g).matches()))) {
                out.addAll(d.groupHosts(g));
                anyGroup = true;
            }
        }
        if (!anyGroup || special) {
            for (String h : s.hosts().keySet()) {
                if (h.equals(p) || (re != null && (p.startsWith("~") ? re.matcher(h).find() : re.matcher(h).matches()))) out.add(h);
            }
        }
        if (out.isEmpty() && LOCALHOST.contains(p)) out.add(p);
        return new ArrayList<>(out);
    }

    /** fnmatch-style glob as a regex, or null when the pattern has no wildcard. */
    static Pattern glob(String p) {
        if (!p.contains("*") && !p.contains("?") && !p.contains("[")) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int close = p.indexOf(']', i);
                    if (close < 0) {
                        sb.append("\\[");
                    } else {
                        String set = p.substring(i + 1, close);
                        sb.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    private static List<String> fromFile(Inventory.State s, Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String h = line.strip();
                if (!h.isEmpty() && (s.hosts().containsKey(h) || LOCALHOST.contains(h))) out.add(h);
            }
            return out;
        } catch (IOException e) {
            throw new dev.jplay.source.SourceException("Unable to find limit file " + file, dev.jplay.source.Loc.of("--limit @" + file), null, null,
                    dev.jplay.source.SourceException.Kind.ERROR);
        }
    }
}
