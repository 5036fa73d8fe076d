package dev.jplay.inventory;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.template.Templar;
import java.util.ArrayList;
import java.util.List;

/** Ansible's INI inventory format: {@code [group]}, {@code [group:children]}, {@code [group:vars]}, inline host vars. */
final class IniSource {
    private IniSource() {}

    static void parse(String text, String file, Builder b) {
        String group = "ungrouped";
        String kind = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            Loc loc = new Loc(file, n + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) throw new SourceException("invalid section entry: '" + line + "'", loc,
                        "a section header looks like [group], [group:children] or [group:vars]");
                String name = line.substring(1, line.length() - 1).strip();
                int colon = name.indexOf(':');
                kind = colon < 0 ? "hosts" : name.substring(colon + 1);
                group = colon < 0 ? name : name.substring(0, colon);
                if (!kind.equals("hosts") && !kind.equals("children") && !kind.equals("vars")) {
                    throw new SourceException("invalid section suffix ':" + kind + "' in [" + name + "]", loc, "use :children or :vars");
                }
                if (group.isEmpty()) throw new SourceException("empty group name in section header", loc);
                b.group(group);
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq <= 0) throw new SourceException("expected key=value in [" + group + ":vars], got '" + line + "'", loc);
                    b.group(group).vars.put(line.substring(0, eq).strip(), value(line.substring(eq + 1).strip()));
                }
                case "children" -> {
                    String child = b.group(line.split("\\s+")[0]).name;
                    b.group(group).children.add(child);
                }
                default -> hostLine(line, group, loc, file, b);
            }
        }
    }

    private static void hostLine(String line, String group, Loc loc, String file, Builder b) {
        List<String> tokens = words(line, loc);
        if (tokens.isEmpty()) return;
        String name = tokens.get(0);
        Long port = null;
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d+")) {
            port = Long.parseLong(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        List<String> names;
        try {
            names = Ranges.expand(name);
        } catch (IllegalArgumentException e) {
            throw new SourceException(e.getMessage(), loc);
        }
        for (String h : names) {
            Builder.H host = b.host(h, group, loc, file);
            if (port != null) host.vars.put("ansible_port", port);
            for (String t : tokens.subList(1, tokens.size())) {
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    throw new SourceException("expected key=value host variable, got '" + t + "'", loc,
                            "host lines are 'name key=value key2=\"value with spaces\"'");
                }
                host.vars.put(t.substring(0, eq), value(t.substring(eq + 1)));
            }
        }
    }

    /** INI values are Python literals when they parse as one ({@code 22}, {@code True}, {@code [1,2]}), else strings. */
    static Object value(String raw) {
        return Templar.literalOrText(raw);
    }

    /** Splits like shlex with comments: quotes group, {@code #} starts a comment outside quotes. */
    private static List<String> words(String line, Loc loc) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) cur.append(line.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                in = true;
            } else if (c == '#') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (in) out.add(cur.toString());
                cur.setLength(0);
                in = false;
            } else {
                cur.append(c);
                in = true;
            }
        }
        if (quote != 0) throw new SourceException("unterminated quote in inventory line", loc);
        if (in) out.add(cur.toString());
        return out;
    }
}
