package dev.jplay.modules.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules a Python source imports, read with patterns rather than a parser (as far as packaging needs: every
 * {@code import a.b} and {@code from a.b import c, d}, parenthesised or continued with backslashes, relative ones
 * with their leading dots, also inside functions and {@code try:} blocks). A name found in a string only adds a file
 * that exists anyway, never fails packaging.
 */
final class ImportScanner {
    private static final Pattern FROM = Pattern.compile("(?m)^[ \\t]*from[ \\t]+(\\.*[\\w.]*)[ \\t]+import[ \\t]+(\\([^)]*\\)|(?:[^\\n\\\\#]|\\\\\\n)+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+((?:[^\\n\\\\#;]|\\\\\\n)+)");

    /** {@code from X import a, b} gives X with names [a, b]; {@code import X.Y} gives X.Y with no names. */
    record Import(String module, int level, List<String> names) {}

    private ImportScanner() {}

    static List<Import> scan(String source) {
        List<Import> out = new ArrayList<>();
        Matcher m = FROM.matcher(source);
        while (m.find()) {
            String mod = m.group(1);
            int level = 0;
            while (level < mod.length() && mod.charAt(level) == '.') level++;
            List<String> names = new ArrayList<>();
            for (String part : m.group(2).replaceAll("[()\\\\]", " ").replaceAll("#[^\\n]*", " ").split(",")) {
                String n = part.strip().split("\\s+")[0];
                if (n.matches("\\w+")) names.add(n);
            }
            out.add(new Import(mod.substring(level), level, names));
        }
        m = IMPORT.matcher(source);
        while (m.find()) {
            for (String part : m.group(1).replace("\\\n", " ").split(",")) {
                String n = part.strip().split("\\s+")[0];
                if (n.matches("[\\w.]+")) out.add(new Import(n, 0, List.of()));
            }
        }
        return out;
    }
}
