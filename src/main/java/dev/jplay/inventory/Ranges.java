package dev.jplay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host name ranges: {@code web[01:20]}, {@code db-[a:c]}, {@code node[0:10:2]} (several ranges multiply out). */
final class Ranges {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::(\\d+))?]");

    private Ranges() {}

    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) return List.of(pattern);
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        String from = m.group(1);
        String to = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<String> values = new ArrayList<>();
        if (from.chars().allMatch(Character::isDigit) && to.chars().allMatch(Character::isDigit)) {
            int width = from.length();
            for (long i = Long.parseLong(from); i <= Long.parseLong(to); i += step) {
                values.add(from.startsWith("0") && width > 1 ? String.format("%0" + width + "d", i) : Long.toString(i));
            }
        } else if (from.length() == 1 && to.length() == 1) {
            for (char c = from.charAt(0); c <= to.charAt(0); c += (char) step) values.add(String.valueOf(c));
        } else {
            throw new IllegalArgumentException("invalid range in host pattern: " + m.group());
        }
        List<String> out = new ArrayList<>();
        for (String v : values) for (String rest : expand(tail)) out.add(head + v + rest);
        return out;
    }
}
