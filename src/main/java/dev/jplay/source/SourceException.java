package dev.jplay.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An error in user input (playbook, inventory, vars file, template, command line value) that knows where it is.
 * {@link #render()} gives one message, the location and the offending line with a caret under the column:
 * <pre>
 * ERROR! couldn't resolve module/action 'copyy'. Did you mean 'copy'?
 *   --&gt; site.yml:12:7
 *    |
 * 12 |     - copyy: src=a dest=b
 *    |       ^
 *   = hint: ...
 * </pre>
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * What kind of mistake this is, as ansible-playbook classes it (and so which exit code it gets): a file or value
     * that cannot be parsed ({@code PARSE}, Ansible's AnsibleParserError, exit 4), another error before the run
     * ({@code ERROR}, exit 1: missing files, vault, no hosts), a task that fails on every host that runs it
     * ({@code TASK}, exit 2), or a bad command-line option ({@code OPTIONS}, exit 5).
     */
    public enum Kind { PARSE, ERROR, TASK, OPTIONS }

    /** The widest source line shown; longer lines are cut around the column. */
    private static final int WIDTH = 120;

    private final Loc loc;
    private final String hint;
    private final Kind kind;

    public SourceException(String message, Loc loc) {
        this(message, loc, null, null);
    }

    public SourceException(String message, Loc loc, String hint) {
        this(message, loc, hint, null);
    }

    public SourceException(String message, Loc loc, String hint, Throwable cause) {
        this(message, loc, hint, cause, Kind.PARSE);
    }

    public SourceException(String message, Loc loc, String hint, Throwable cause, Kind kind) {
        super(message, cause);
        this.loc = loc == null ? Loc.UNKNOWN : loc;
        this.hint = hint;
        this.kind = kind;
    }

    /** The same error classed as {@code k}. */
    public SourceException as(Kind k) {
        return k == kind ? this : new SourceException(getMessage(), loc, hint, getCause(), k);
    }

    public Kind kind() {
        return kind;
    }

    public Loc loc() {
        return loc;
    }

    public String hint() {
        return hint;
    }

    /** The full message with location, source line and caret (reads the file named by the location). */
    public String render() {
        return render(getMessage(), loc, hint);
    }

    public static String render(String message, Loc loc, String hint) {
        StringBuilder sb = new StringBuilder("ERROR! ").append(message);
        if (loc != null && loc.known()) {
            sb.append("\n  --> ").append(loc);
            String line = lineOf(loc);
            if (line != null) {
                String num = String.valueOf(loc.line());
                String pad = " ".repeat(num.length());
                int col = Math.max(0, loc.col() - 1);
                if (line.length() > WIDTH) { // a window around the column, so a huge line does not flood the terminal
                    int from = Math.max(0, Math.min(col - WIDTH / 2, line.length() - WIDTH));
                    int to = Math.min(line.length(), from + WIDTH);
                    String head = from > 0 ? "..." : "";
                    col = col - from + head.length();
                    line = head + line.substring(from, to) + (to < line.length() ? "..." : "");
                }
                sb.append('\n').append(pad).append(" |")
                  .append('\n').append(num).append(" | ").append(line.replace('\t', ' '))
                  .append('\n').append(pad).append(" | ").append(" ".repeat(col)).append('^');
            }
        } else if (loc != null && !loc.file().equals(Loc.UNKNOWN.file())) {
            sb.append("\n  --> ").append(loc.file());
        }
        if (hint != null && !hint.isEmpty()) {
            sb.append("\n  = hint: ").append(hint.replace("\n", "\n          "));
        }
        return sb.toString();
    }

    private static String lineOf(Loc loc) {
        try {
            Path p = Path.of(loc.file());
            if (!Files.isRegularFile(p)) return null;
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return loc.line() <= lines.size() ? lines.get(loc.line() - 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * An unexpected failure described for a user: its message (of the first cause that has one), never a Java class
     * name or stack trace.
     */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) return m.replaceAll("\\b(?:java|javax|jdk|sun|org|net|com|dev)\\.[\\w.$]*\\.([A-Z][\\w$]*)", "$1")
                    .replaceAll("\\b\\w*(Exception|Error): ", "");
        }
        return "an internal error (a bug in jplay)";
    }
}
