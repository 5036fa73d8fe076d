package dev.jplay.template;

import dev.jplay.data.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Path filters, as Python's {@code os.path} and {@code ntpath} compute them on the controller. */
final class PathFilters {
    private static final Pattern VAR = Pattern.compile("\\$(\\w+|\\{[^}]*\\})");

    private PathFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "basename" -> (e, v, a) -> {
                String s = path(v);
                return s.substring(s.lastIndexOf('/') + 1);
            };
            case "dirname" -> (e, v, a) -> dirname(path(v));
            case "expanduser" -> (e, v, a) -> expanduser(path(v));
            case "expandvars" -> (e, v, a) -> expandvars(path(v));
            case "realpath" -> (e, v, a) -> realpath(path(v));
            case "relpath" -> (e, v, a) -> relpath(path(v), a.has(0, "start") ? path(a.get(0, "start")) : ".");
            case "path_join" -> (e, v, a) -> {
                if (v instanceof CharSequence s) return s.toString();
                if (!(v instanceof List<?> l)) throw EvalError.type("|path_join expects string or sequence, got " + DictFilters.pyClass(v) + " instead.");
                String out = "";
                for (Object p : l) out = join(out, path(p));
                return out;
            };
            case "splitext" -> (e, v, a) -> splitext(path(v));
            case "win_basename" -> (e, v, a) -> winSplit(path(v))[1];
            case "win_dirname" -> (e, v, a) -> winSplit(path(v))[0];
            case "win_splitdrive" -> (e, v, a) -> {
                String[] d = splitdrive(path(v));
                return Tuple.of(d[0], d[1]);
            };
            case "fileglob" -> (e, v, a) -> Globs.files(path(v));
            default -> null;
        };
    }

    /** The value as a path: Python's os.path functions take only strings. */
    static String path(Object v) {
        if (v instanceof CharSequence s) return s.toString();
        throw EvalError.type("expected str, bytes or os.PathLike object, not " + PyOps.typeName(v));
    }

    static String dirname(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
        return head;
    }

    static String join(String a, String b) {
        if (b.startsWith("/") || a.isEmpty()) return b;
        return a.endsWith("/") ? a + b : a + "/" + b;
    }

    private static String expanduser(String p) {
        if (!p.startsWith("~")) return p;
        int slash = p.indexOf('/');
        String user = p.substring(1, slash < 0 ? p.length() : slash);
        String home;
        if (user.isEmpty()) {
            home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");
        } else {
            home = passwdHome(user);
            if (home == null) return p;
        }
        home = home.replaceAll("/+$", "");
        String rest = slash < 0 ? "" : p.substring(slash);
        return (home.isEmpty() ? "/" : home) + rest;
    }

    private static String passwdHome(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 5 && f[0].equals(user)) return f[5];
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String expandvars(String p) {
        if (!p.contains("$")) return p;
        Matcher m = VAR.matcher(p);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("{")) name = name.substring(1, name.length() - 1);
            String value = System.getenv(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Python's {@code os.path.realpath}: absolute, symlinks resolved as far as the path exists. */
    static String realpath(String p) {
        Path abs = Path.of(p).toAbsolutePath().normalize();
        Path existing = abs;
        List<String> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName().toString());
            existing = existing.getParent();
        }
        Path out = existing == null ? Path.of("/") : existing;
        try {
            out = out.toRealPath();
        } catch (IOException e) {
            // keep the path as far as it could be resolved
        }
        for (String r : rest) out = out.resolve(r);
        return out.toString();
    }

    /** Python's {@code os.path.relpath(path, start)}. */
    static String relpath(String path, String start) {
        if (path.isEmpty()) throw new EvalError("no path specified");
        Path p = Path.of(path).toAbsolutePath().normalize();
        Path s = Path.of(start).toAbsolutePath().normalize();
        String r = s.relativize(p).toString();
        return r.isEmpty() ? "." : r;
    }

    static Tuple splitext(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            for (int i = sep + 1; i < dot; i++) if (p.charAt(i) != '.') return Tuple.of(p.substring(0, dot), p.substring(dot));
        }
        return Tuple.of(p, "");
    }

    /** Python's {@code ntpath.splitdrive}: a drive letter or a UNC share, and the rest. */
    static String[] splitdrive(String p) {
        if (p.length() >= 2) {
            String norm = p.replace('/', '\\');
            if (norm.startsWith("\\\\")) {
                int start = norm.substring(0, Math.min(8, norm.length())).toUpperCase(java.util.Locale.ROOT).equals("\\\\?\\UNC\\") ? 8 : 2;
                int index = norm.indexOf('\\', start);
                if (index < 0) return new String[] {p, ""};
                int index2 = norm.indexOf('\\', index + 1);
                if (index2 < 0) index2 = p.length();
                return new String[] {p.substring(0, index2), p.substring(index2)};
            }
            if (norm.charAt(1) == ':') return new String[] {p.substring(0, 2), p.substring(2)};
        }
        return new String[] {"", p};
    }

    /** Python's {@code ntpath.split}: (head, tail). */
    static String[] winSplit(String p) {
        String[] d = splitdrive(p);
        String rest = d[1];
        int i = rest.length();
        while (i > 0 && rest.charAt(i - 1) != '/' && rest.charAt(i - 1) != '\\') i--;
        String head = rest.substring(0, i);
        String tail = rest.substring(i);
        String stripped = head.replaceAll("[/\\\\]+$", "");
        return new String[] {d[0] + (stripped.isEmpty() ? head : stripped), tail};
    }
}
