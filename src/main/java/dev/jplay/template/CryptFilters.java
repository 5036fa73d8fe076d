package dev.jplay.template;

import dev.jplay.connection.Secret;
import dev.jplay.data.VaultText;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Hashes, password hashes and vault: hash, checksum, md5, sha1, password_hash, vault, unvault. */
final class CryptFilters {
    private static final List<String> PASSLIB_OTHERS = List.of("bcrypt", "blowfish", "bsdi_crypt", "des_crypt", "pbkdf2_sha1",
            "pbkdf2_sha256", "pbkdf2_sha512", "scrypt", "argon2", "sun_md5_crypt", "phpass", "apr_md5_crypt");

    private CryptFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "hash" -> (e, v, a) -> digest(PyOps.str(v), a.str(0, "hashtype", "sha1"));
            case "checksum", "sha1" -> (e, v, a) -> digest(PyOps.str(v), "sha1");
            case "md5" -> (e, v, a) -> digest(PyOps.str(v), "md5");
            case "password_hash" -> CryptFilters::passwordHash;
            case "vault" -> (e, v0, a0) -> {
                Fn.Args a = new Fn.Args("do_vault", a0.positional(), a0.keywords());
                RegexFilters.unexpected(a, "do_vault", "secret", "salt", "vaultid", "wrap_object");
                Object secret = a.get(0, "secret");
                Object salt = a.get(1, "salt", null);
                String id = a.str(2, "vaultid", "filter_default");
                if (!(secret instanceof CharSequence)) {
                    throw EvalError.type("Secret passed is required to be a string, instead we got: " + DictFilters.pyClass(secret));
                }
                if (!(v0 instanceof CharSequence)) throw EvalError.type("Can only vault strings, instead we got: " + DictFilters.pyClass(v0));
                byte[] plain = PyOps.str(v0).getBytes(StandardCharsets.UTF_8);
                Vault.Id vaultId = new Vault.Id(id, Secret.of(PyOps.str(secret)));
                String text = salt == null ? Vault.encrypt(plain, vaultId) : Vault.encrypt(plain, vaultId, PyOps.str(salt).getBytes(StandardCharsets.UTF_8));
                return a.bool(3, "wrap_object", false) ? new Wrapped(text) : text;
            };
            case "unvault" -> (e, v, a0) -> {
                Fn.Args a = new Fn.Args("do_unvault", a0.positional(), a0.keywords());
                RegexFilters.unexpected(a, "do_unvault", "secret", "vaultid");
                Object secret = a.get(0, "secret");
                String id = a.str(1, "vaultid", "filter_default");
                if (!(secret instanceof CharSequence)) {
                    throw EvalError.type("Secret passed is required to be as string, instead we got: " + DictFilters.pyClass(secret));
                }
                String text = v instanceof VaultText vt ? vt.ciphertext() : v instanceof Wrapped w ? w.ciphertext() : null;
                if (text == null && !(v instanceof CharSequence)) {
                    throw EvalError.type("Vault should be in the form of a string, instead we got: " + DictFilters.pyClass(v));
                }
                if (text == null) text = v.toString();
                if (!text.startsWith(Vault.HEADER)) return text;
                try {
                    return new Vault(List.of(new Vault.Id(id, Secret.of(PyOps.str(secret))))).decrypt(text, null);
                } catch (SourceException ex) {
                    throw new EvalError("Unable to decrypt: " + ex.getMessage());
                }
            };
            default -> null;
        };
    }

    /**
     * The vault filter's {@code wrap_object=True} value, Ansible's AnsibleVaultEncryptedUnicode without a vault:
     * it prints as its ciphertext and is not a string; unvault opens it.
     */
    record Wrapped(String ciphertext) {
        @Override
        public String toString() {
            return ciphertext;
        }
    }

    static String digest(String s, String algo) {
        String a = switch (algo.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "sha512_224" -> "SHA-512/224";
            case "sha512_256" -> "SHA-512/256";
            case "sha3_224" -> "SHA3-224";
            case "sha3_256" -> "SHA3-256";
            case "sha3_384" -> "SHA3-384";
            case "sha3_512" -> "SHA3-512";
            case "md5" -> "MD5";
            default -> throw new EvalError("unsupported hash type " + algo);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(a).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new EvalError("unsupported hash type " + algo);
        }
    }

    /** {@code password_hash(hashtype='sha512', salt=None, salt_size=None, rounds=None, ident=None)} with passlib's defaults. */
    private static Object passwordHash(Env e, Object v, Fn.Args a) {
        String type = a.str(0, "hashtype", "sha512");
        type = switch (type) {
            case "md5" -> "md5_crypt";
            case "blowfish" -> "bcrypt";
            case "sha256" -> "sha256_crypt";
            case "sha512" -> "sha512_crypt";
            default -> type;
        };
        return hash(type, PyOps.str(v), a.get(1, "salt", null), a.get(2, "salt_size", null), a.get(3, "rounds", null));
    }

    /** The {@code type} ({@code sha512_crypt}, ...) hash of {@code password} as passlib makes it; null arguments: passlib's defaults. */
    static String hash(String type, String password, Object saltArg, Object saltSize, Object roundsArg) {
        switch (type) {
            case "sha512_crypt", "sha256_crypt" -> {
                String salt = salt(saltArg, saltSize, 16, type);
                int rounds = roundsArg == null ? (type.equals("sha512_crypt") ? 656_000 : 535_000) : (int) PyOps.index(roundsArg);
                if (rounds < 1000 || rounds > 999_999_999) throw new EvalError("Could not hash the secret.. rounds out of range for " + type);
                return Crypt.sha(password, salt, rounds, type.equals("sha512_crypt") ? 512 : 256);
            }
            case "md5_crypt" -> {
                return Crypt.md5(password, salt(saltArg, saltSize, 8, type));
            }
            default -> {
                if (PASSLIB_OTHERS.contains(type)) {
                    throw new EvalError("jplay does not implement the '" + type + "' password hash; sha512, sha256 and md5 are available");
                }
                throw new EvalError("passlib does not support '" + type + "' algorithm");
            }
        }
    }

    private static String salt(Object salt, Object size, int max, String type) {
        if (salt == null) return Crypt.randomSalt(size == null ? max : (int) Math.min(max, PyOps.index(size)));
        String s = PyOps.str(salt);
        for (char c : s.toCharArray()) {
            if (Crypt.ALPHABET.indexOf(c) < 0) throw new EvalError("Could not hash the secret.. invalid characters in " + type + " salt");
        }
        if (s.length() > max) throw new EvalError("Could not hash the secret.. salt too large (" + type + " requires <= " + max + " chars)");
        return s;
    }
}
