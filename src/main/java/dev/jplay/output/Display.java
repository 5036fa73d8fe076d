package dev.jplay.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's Display: lines to stdout or stderr, optional ANSI colours, banners padded with stars to the terminal
 * width, and warnings wrapped to that width. One instance per output stream pair; callers serialise access.
 */
public final class Display {
    /** Ansible's colour names and their SGR codes. */
    private static final Map<String, String> CODES = Map.ofEntries(Map.entry("black", "0;30"), Map.entry("bright gray", "0;37"),
            Map.entry("blue", "0;34"), Map.entry("white", "1;37"), Map.entry("green", "0;32"), Map.entry("bright blue", "1;34"),
            Map.entry("cyan", "0;36"), Map.entry("bright green", "1;32"), Map.entry("red", "0;31"), Map.entry("bright cyan", "1;36"),
            Map.entry("purple", "0;35"), Map.entry("bright red", "1;31"), Map.entry("yellow", "0;33"), Map.entry("bright purple", "1;35"),
            Map.entry("dark gray", "1;30"), Map.entry("bright yellow", "1;33"), Map.entry("magenta", "0;35"),
            Map.entry("bright magenta", "1;35"), Map.entry("normal", "0"));

    static final String OK = "green";
    static final String CHANGED = "yellow";
    static final String SKIP = "cyan";
    static final String ERROR = "red";
    static final String UNREACHABLE = "bright red";
    static final String WARN = "bright purple";
    static final String DEPRECATE = "purple";
    static final String DEBUG = "dark gray";
    static final String VERBOSE = "blue";
    static final String DIFF_ADD = "green";
    static final String DIFF_REMOVE = "red";
    static final String DIFF_LINES = "cyan";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final int columns;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    public Display(PrintStream out, PrintStream err, boolean color, int columns) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.columns = Math.max(79, columns - 1);
    }

    boolean color() {
        return color;
    }

    String paint(String text, String colorName) {
        if (!color || colorName == null) return text;
        return "\033[" + CODES.getOrDefault(colorName, "0") + "m" + text + "\033[0m";
    }

    void display(String msg, String colorName) {
        print(out, msg, colorName);
    }

    void displayErr(String msg, String colorName) {
        print(err, msg, colorName);
    }

    private void print(PrintStream s, String msg, String colorName) {
        String m = msg.endsWith("\n") ? msg : msg + "\n";
        String body = m.substring(0, m.length() - 1);
        s.print(paint(body, colorName) + "\n");
        s.flush();
    }

    void banner(String msg, String colorName) {
        String m = msg.strip();
        int stars = Math.max(3, columns - m.length());
        display("\n" + m + " " + "*".repeat(stars), colorName);
    }

    /** {@code [WARNING]: ...} wrapped to the terminal width, once per distinct message, on stderr. */
    void warning(String msg) {
        String text = String.join("\n", wrap("[WARNING]: " + msg, columns)) + "\n";
        if (warned.add(text)) displayErr(text, WARN);
    }

    void deprecation(String msg) {
        String text = String.join("\n", wrap("[DEPRECATION WARNING]: " + msg, columns)) + "\n";
        if (warned.add(text)) displayErr(text, DEPRECATE);
    }

    /** Python's textwrap.wrap: words greedily filled, whitespace collapsed, long words broken. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (cur.length() > 0) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(' ');
            cur.append(word);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }
}
