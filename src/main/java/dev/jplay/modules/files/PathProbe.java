package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the state of one or more host paths with a single shell command: {@code lstat} fields, a link's target
 * and followed type, optionally the sha1 of regular files and their raw content. Extra shell commands may run
 * after the probes in the same round trip (their output comes back in {@link Result#tail}).
 */
final class PathProbe {
    /** The shell function: prints one block per path; {@code $2} holds flags (c: checksum, b: content). */
    static final String FUNCTION = "jp_() { printf 'P\\n'; if [ ! -e \"$1\" ] && [ ! -L \"$1\" ]; then return; fi; "
            + "stat -c 'T %f %u %g %s %Y %i %h %U %G' -- \"$1\"; "
            + "if [ -L \"$1\" ]; then printf 'L %s\\n' \"$(readlink -- \"$1\")\"; stat -L -c 'F %f' -- \"$1\" 2>/dev/null; fi; "
            + "case $2 in *c*) [ -f \"$1\" ] && [ -r \"$1\" ] && printf 'C %s\\n' \"$(sha1sum < \"$1\" | cut -c1-40)\";; esac; "
            + "case $2 in *b*) [ -f \"$1\" ] && [ -r \"$1\" ] && { printf 'B %s\\n' \"$(wc -c < \"$1\")\"; cat -- \"$1\"; };; esac; "
            + "return 0; }; ";

    private PathProbe() {}

    /** What came back: each path's state, the content read (by path) and what the trailing commands printed. */
    record Result(List<FileState> states, Map<String, byte[]> contents, String tail, ExecResult exec) {
        FileState state(int i) {
            return states.get(i);
        }

        byte[] content(String path) {
            return contents.get(path);
        }
    }

    /** One path with a checksum (and content when {@code content} is set). */
    static Result one(ModuleContext ctx, String path, boolean checksum, boolean content) throws ConnectionException {
        return run(ctx, List.of(path), (checksum ? "c" : "") + (content ? "b" : ""), "");
    }

    /** The state of what {@code path} resolves to ({@code readlink -f}, the path named by it), in one round trip. */
    static FileState resolved(ModuleContext ctx, String path) throws ConnectionException {
        ExecResult r = ctx.sh(FUNCTION + "r_=$(readlink -f -- " + quote(path) + ") || exit $?; printf '%s\\n' \"$r_\"; "
                + "jp_ \"$r_\" ''; printf 'E\\n'");
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, r.err().strip());
        String out = r.out();
        return parse(List.of(out.substring(0, Math.max(out.indexOf('\n'), 0))), r).state(0);
    }

    /** The call for {@code path} inside a larger script. */
    static String call(String path, String flags) {
        return "jp_ " + quote(path) + " '" + flags + "'; ";
    }

    /** Runs {@code commands} (failing with their stderr), then probes {@code path}: a change and its result in one trip. */
    static FileState afterChange(ModuleContext ctx, String commands, String path) throws ConnectionException {
        return change(ctx, commands, path).state(0);
    }

    /** Like {@link #afterChange}, keeping what the commands printed ({@link Result#exec}). */
    static Result change(ModuleContext ctx, String commands, String path) throws ConnectionException {
        return change(ctx, commands, path, "c");
    }

    /** Like {@link #change}, probing with {@code flags} ("": no checksum, so a file's access time stays as it was set). */
    static Result change(ModuleContext ctx, String commands, String path, String flags) throws ConnectionException {
        ExecResult r = ctx.sh(FUNCTION + "{ " + commands + "\n} || exit $?; " + call(path, flags) + "printf 'E\\n'");
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, r.err().strip());
        return parse(List.of(path), r);
    }

    /** Probes {@code paths} with {@code flags}, then runs {@code after} (shell) in the same command. */
    static Result run(ModuleContext ctx, List<String> paths, String flags, String after) throws ConnectionException {
        StringBuilder sb = new StringBuilder(FUNCTION);
        for (String p : paths) sb.append(call(p, flags));
        sb.append("printf 'E\\n'; ").append(after);
        ExecResult r = ctx.sh(sb.toString());
        return parse(paths, r);
    }

    static Result parse(List<String> paths, ExecResult r) {
        byte[] out = r.stdout();
        List<FileState> states = new ArrayList<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        int pos = 0;
        Builder cur = null;
        while (pos < out.length) {
            int nl = indexOf(out, pos);
            String line = new String(out, pos, nl - pos, StandardCharsets.UTF_8);
            pos = Math.min(nl + 1, out.length);
            if (line.equals("E")) break;
            if (line.equals("P")) {
                if (cur != null) states.add(cur.build());
                cur = new Builder(paths.get(states.size()));
            } else if (line.startsWith("B ") && cur != null) {
                int n = Integer.parseInt(line.substring(2).strip());
                contents.put(cur.path, Arrays.copyOfRange(out, pos, Math.min(pos + n, out.length)));
                pos += n;
            } else if (cur != null) {
                cur.line(line);
            }
        }
        if (cur != null) states.add(cur.build());
        if (states.size() != paths.size()) {
            throw new IllegalStateException("cannot read file state: " + r.err().strip());
        }
        String tail = pos < out.length ? new String(out, pos, out.length - pos, StandardCharsets.UTF_8) : "";
        return new Result(states, contents, tail, r);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == '\n') return i;
        return b.length;
    }

    /** Assembles one path's state from its lines. */
    private static final class Builder {
        final String path;
        String[] t;
        String link;
        FileState.Type followed = FileState.Type.ABSENT;
        String sum;

        Builder(String path) {
            this.path = path;
        }

        void line(String line) {
            if (line.startsWith("T ")) t = line.split(" ", 10);
            else if (line.startsWith("L ")) link = line.substring(2);
            else if (line.startsWith("F ")) followed = type(Integer.parseInt(line.substring(2).strip(), 16));
            else if (line.startsWith("C ")) sum = line.substring(2).strip();
        }

        FileState build() {
            if (t == null) return FileState.absent(path);
            int raw = Integer.parseInt(t[1], 16);
            FileState.Type type = type(raw);
            return new FileState(path, type, raw & 07777, Long.parseLong(t[2]), Long.parseLong(t[3]), t[8], t[9],
                    Long.parseLong(t[4]), Long.parseLong(t[5]), Long.parseLong(t[6]), Long.parseLong(t[7]), link,
                    type == FileState.Type.LINK ? followed : type, sum);
        }

        static FileState.Type type(int raw) {
            return switch (raw & 0170000) {
                case 0100000 -> FileState.Type.FILE;
                case 0040000 -> FileState.Type.DIRECTORY;
                case 0120000 -> FileState.Type.LINK;
                default -> FileState.Type.OTHER;
            };
        }
    }
}
