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
    private final Loc loc;
    private final String hint;

    public SourceException(String message, Loc loc) {
        this(message, loc, null, null);
    }

    public SourceException(String message, Loc loc, String hint) {
        this(message, loc, hint, null);
    }

    public SourceException(String message, Loc loc, String hint, Throwable cause) {
        super(message, cause);
        this.loc = loc == null ? Loc.UNKNOWN : loc;
        this.hint = hint;
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
                sb.append('\n').append(pad).append(" |")
                  .append('\n').append(num).append(" | ").append(line.replace('\t', ' '))
                  .append('\n').append(pad).append(" | ").append(" ".repeat(Math.max(0, loc.col() - 1))).append('^');
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
}
