package dev.jplay.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password lookup: a random password, kept in a file on the controller (created 0600 in a 0700 directory, written
 * atomically) so later runs read the same one; {@code /dev/null} keeps nothing. With {@code seed} the password is
 * the one Ansible generates for that seed.
 */
final class PasswordLookup {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Map<String, String> SETS = Map.of("ascii_letters", LETTERS, "letters", LETTERS,
            "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz", "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "digits", "0123456789",
            "hexdigits", "0123456789abcdefABCDEF", "octdigits", "01234567", "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
            "printable", "0123456789" + LETTERS + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u000b\f");
    private static final List<String> OPTIONS = List.of("length", "chars", "encrypt", "ident", "seed");

    private PasswordLookup() {}

    static List<Object> run(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            String[] words = PyOps.str(t).strip().split("\\s+");
            String path = words[0];
            Map<String, Object> o = new LinkedHashMap<>(kw);
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq < 0) throw new EvalError("Unrecognized value after key=value parameters given to password lookup");
                o.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
            for (String k : o.keySet()) if (!OPTIONS.contains(k)) throw new EvalError("Unrecognized parameter(s) given to password lookup: " + k);
            if (o.containsKey("encrypt") || o.containsKey("ident")) {
                throw new EvalError("jplay's password lookup does not support 'encrypt' or 'ident'; hash the result with password_hash");
            }
            long length = PyOps.index(DataFilters.toInt(o.getOrDefault("length", 20L), 20L, 10L));
            String chars = chars(o.get("chars"));
            Path file = resolve(e, path);
            String existing = file == null ? null : readExisting(file);
            if (existing != null) {
                out.add(existing);
                continue;
            }
            String password = generate(chars, length, o.get("seed"));
            if (file != null) write(file, password);
            out.add(password);
        }
        return out;
    }

    private static String chars(Object spec) {
        List<Object> parts = new ArrayList<>();
        if (spec == null) parts.addAll(List.of("ascii_letters", "digits", ".,:-_"));
        else if (spec instanceof List<?> l) parts.addAll(l);
        else for (String p : PyOps.str(spec).split(",")) parts.add(p);
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) sb.append(SETS.getOrDefault(PyOps.str(p), PyOps.str(p)));
        return sb.toString();
    }

    static String generate(String chars, long length, Object seed) {
        if (chars.isEmpty()) throw new EvalError("password lookup: no characters to choose from");
        StringBuilder sb = new StringBuilder();
        if (seed != null) {
            PyRandom r = new PyRandom(seed);
            for (long i = 0; i < length; i++) sb.append(chars.charAt((int) r.below(chars.length())));
        } else {
            SecureRandom r = new SecureRandom();
            for (long i = 0; i < length; i++) sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static Path resolve(Env e, String path) {
        if (path.equals("/dev/null")) return null;
        Path p = Path.of(path);
        if (p.isAbsolute()) return p;
        List<java.nio.file.Path> bases = e.ctx.searchPaths();
        return (bases.isEmpty() ? Path.of("") : bases.get(bases.size() - 1)).resolve(p).toAbsolutePath();
    }

    private static String readExisting(Path file) {
        if (!Files.exists(file)) return null;
        String content = Lookups.read(file).strip();
        int salt = content.indexOf(" salt=");
        return salt >= 0 ? content.substring(0, salt) : content;
    }

    private static void write(Path file, String password) {
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tmp = Files.createTempFile(dir, ".jplay-password-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, password, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new EvalError("password lookup cannot write " + file + ": " + ex.getMessage());
        }
    }
}
