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
 * atomically, one line) so later runs read the same one; {@code /dev/null} keeps nothing. With {@code seed} the
 * password is the one Ansible generates for that seed. With {@code encrypt=sha512_crypt} (a password_hash type) the
 * result is the password's hash, and the file keeps the salt after it ({@code PASSWORD salt=SALT}) so the hash stays
 * the same.
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
            long length = PyOps.index(DataFilters.toInt(o.getOrDefault("length", 20L), 20L, 10L));
            String chars = chars(o.get("chars"));
            Path file = resolve(e, path);
            Stored stored = file == null ? null : read(file);
            boolean changed = stored == null;
            if (stored == null) stored = new Stored(generate(chars, length, o.get("seed")), null);
            String encrypt = PyOps.truthy(o.get("encrypt")) ? PyOps.str(o.get("encrypt")) : null;
            String salt = stored.salt();
            if (encrypt != null && salt == null) {
                changed = true;
                salt = Crypt.randomSalt(SALT_SIZES.getOrDefault(encrypt, 8));
            }
            // as ansible-core 2.14: the ident asked for (or the hash's implicit one), never the stored one
            String ident = PyOps.truthy(o.get("ident")) ? PyOps.str(o.get("ident")) : null;
            if (encrypt != null && ident == null) {
                changed = true;
                ident = encrypt.equals("bcrypt") ? "2b" : null;
            }
            if (changed && file != null) write(file, content(stored.password(), salt, encrypt, ident));
            out.add(encrypt == null ? stored.password() : CryptFilters.hash(encrypt, stored.password(), salt, null, null));
        }
        return out;
    }

    /** What a password file holds: the password, and the salt kept for a hash asked for ({@code encrypt}). */
    private record Stored(String password, String salt) {}

    /** Salt sizes of the hashes that have their own (passlib's); others get 8 characters. */
    private static final Map<String, Integer> SALT_SIZES = Map.of("md5_crypt", 8, "bcrypt", 22, "sha256_crypt", 16, "sha512_crypt", 16);

    private static String content(String password, String salt, String encrypt, String ident) {
        if (encrypt == null && salt == null) return password;
        return password + " salt=" + salt + (ident == null ? "" : " ident=" + ident);
    }

    private static String chars(Object spec) {
        List<Object> parts = new ArrayList<>();
        if (spec == null) parts.addAll(List.of("ascii_letters", "digits", ".,:-_"));
        else if (spec instanceof List<?> l) parts.addAll(l);
        else {
            String text = PyOps.str(spec);
            if (text.contains(",,")) parts.add(",");
            for (String p : text.replace(",,", ",").split(",")) if (!p.isEmpty()) parts.add(p);
        }
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

    /** The password file's password and salt ({@code "PASSWORD salt=SALT ident=IDENT"}), or null when there is none. */
    private static Stored read(Path file) {
        if (!Files.exists(file)) return null;
        String content = Lookups.read(file).stripTrailing();
        int at = content.lastIndexOf(" salt=");
        if (at < 0) return new Stored(content, null);
        String rest = content.substring(at + " salt=".length());
        int ident = rest.indexOf(" ident=");
        return new Stored(content.substring(0, at), ident >= 0 ? rest.substring(0, ident) : rest);
    }

    private static void write(Path file, String content) {
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tmp = Files.createTempFile(dir, ".jplay-password-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new EvalError("password lookup cannot write " + file + ": " + ex.getMessage());
        }
    }
}
