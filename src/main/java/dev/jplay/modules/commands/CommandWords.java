package dev.jplay.modules.commands;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code command} module's words as Ansible 2.14 runs them without a shell: each word has its environment
 * variables expanded ({@code $NAME}, {@code ${NAME}}; unknown ones stay as written, as Python's
 * {@code os.path.expandvars}) and then a leading {@code ~} or {@code ~user} ({@code os.path.expanduser}), whatever
 * quotes it had; a program that is missing or not executable fails as Python's exec does
 * ({@code rc=2 "[Errno 2] No such file or directory: b'prog'"}, {@code rc=13 "[Errno 13] Permission denied"}).
 */
final class CommandWords {
    /** After the skip marker on stdout: the program could not be run; then {@code 2 } or {@code 13 } and its path. */
    static final String NOT_RUN = "x";
    private static final Pattern VAR = Pattern.compile("\\$(\\w+|\\{[^}]*})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TILDE = Pattern.compile("^~([A-Za-z0-9_.][A-Za-z0-9_.-]*)?(?=/|$)");

    private CommandWords() {}

    /** The shell line that checks the program and execs the words; {@code marker} starts the line it prints when it cannot. */
    static String exec(List<String> words, String marker) {
        String notRun = "printf '%s\\n' " + ShellCommand.quote(marker + NOT_RUN);
        return exec(words, notRun + "\"2 $1\"; exit 0", notRun + "\"13 $1\"; exit 0");
    }

    /** Is the word the same before and after expansion (no {@code $}, no leading {@code ~})? */
    static boolean unexpanded(String word) {
        return !word.contains("$") && !word.startsWith("~");
    }

    /**
     * Shell tests that hold when the program (a {@link #literal} word) cannot be run, by errno (2 missing, 13 not
     * executable), in the order to try them: what {@link #exec} checks before it execs.
     */
    static java.util.Map<Integer, String> notRunTests(String prog) {
        String q = ShellCommand.quote(prog);
        java.util.Map<Integer, String> tests = new java.util.LinkedHashMap<>();
        if (prog.contains("/")) {
            tests.put(2, "[ ! -e " + q + " ]");
            tests.put(13, "{ [ -d " + q + " ] || [ ! -x " + q + " ]; }");
        } else {
            tests.put(2, "! ( for d in $(printf '%s' \"$PATH\" | tr ':' ' '); do [ -f \"$d\"/" + q + " ] && [ -x \"$d\"/" + q
                    + " ] && exit 0; done; exit 1 )");
        }
        return tests;
    }

    /**
     * The line for a job that runs detached (async), where no marker can be read back: a program that cannot be run
     * exits 2 or 13 with Python's message on stderr.
     */
    static String execDetached(List<String> words) {
        return exec(words, "echo \"[Errno 2] No such file or directory: b'$1'\" >&2; exit 2",
                "echo \"[Errno 13] Permission denied: b'$1'\" >&2; exit 13");
    }

    private static String exec(List<String> words, String missing, String denied) {
        StringBuilder sb = new StringBuilder("set --");
        for (String w : words) sb.append(' ').append(expand(w));
        return sb.append("; case $1 in */*) [ -e \"$1\" ] || { ").append(missing).append("; }; ")
                .append("{ [ -d \"$1\" ] || [ ! -x \"$1\" ]; } && { ").append(denied).append("; } ;; ")
                .append("*) f=; for d in $(printf '%s' \"$PATH\" | tr ':' ' '); do [ -f \"$d/$1\" ] && [ -x \"$d/$1\" ] && { f=1; break; }; done; ")
                .append("[ -n \"$f\" ] || { ").append(missing).append("; } ;; esac; exec \"$@\"").toString();
    }

    /** One word as a shell expression that expands like Python's expanduser(expandvars(word)). */
    static String expand(String word) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        Matcher t = TILDE.matcher(word);
        if (t.find()) {
            sb.append(t.group());
            from = t.end();
        }
        Matcher m = VAR.matcher(word);
        while (m.find(from)) {
            String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            if (!NAME.matcher(name).matches()) {
                sb.append(literal(word.substring(from, m.end())));
            } else {
                sb.append(literal(word.substring(from, m.start())));
                String fallback = m.group().replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}").replace("\"", "\\\"")
                        .replace("`", "\\`");
                sb.append("\"${").append(name).append('-').append(fallback).append("}\"");
            }
            from = m.end();
        }
        sb.append(literal(word.substring(from)));
        return sb.length() == 0 ? "''" : sb.toString();
    }

    private static String literal(String s) {
        return s.isEmpty() ? "" : ShellCommand.quote(s);
    }

    /** Ansible's result for a program that could not be started: {@code rest} is {@code 2 path} or {@code 13 path}. */
    static ModuleResult notRun(ModuleResult r, String rest) {
        String line = rest.endsWith("\n") ? rest.substring(0, rest.length() - 1) : rest;
        int sp = line.indexOf(' ');
        long errno = Long.parseLong(line.substring(0, sp));
        String path = line.substring(sp + 1);
        String what = errno == 2 ? "No such file or directory" : "Permission denied";
        Object cmd = r.get("cmd");
        if (cmd instanceof List<?> l) cmd = String.join(" ", l.stream().map(w -> ShellCommand.quote(String.valueOf(w))).toList());
        return r.put("cmd", cmd).put("rc", errno).put("stdout", "").put("stderr", "").put("stdout_lines", List.of())
                .put("stderr_lines", List.of()).fail("[Errno " + errno + "] " + what + ": " + bytesRepr(path));
    }

    /** Python's repr() of the path's bytes: {@code b'...'}. */
    static String bytesRepr(String s) {
        return bytesRepr(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Python's repr() of bytes: {@code b'...'} (in double quotes when they hold a single quote and no double one). */
    static String bytesRepr(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        boolean dq = s.contains("'") && !s.contains("\"");
        StringBuilder sb = new StringBuilder("b").append(dq ? '"' : '\'');
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\\') sb.append("\\\\");
            else if (c == '\'' && !dq) sb.append("\\'");
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append(dq ? '"' : '\'').toString();
    }
}
