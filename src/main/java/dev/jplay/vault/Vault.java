package dev.jplay.vault;

import dev.jplay.connection.Secret;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The run's vault secrets and the AES256 vault cipher, as ansible-core implements it: PBKDF2-HMAC-SHA256 (10000
 * rounds) derives an AES key, an HMAC key and a CTR counter from the password and the salt; the HMAC-SHA256 of the
 * ciphertext is checked before AES-256-CTR decryption and PKCS#7 unpadding. Secrets whose label matches a 1.2
 * envelope's label are tried first, then the others, as Ansible does.
 */
public final class Vault implements Decrypter {
    /** What every vault text starts with. */
    public static final String HEADER = "$ANSIBLE_VAULT";
    private static final int ROUNDS = 10_000;

    /** One vault secret: a vault id label ({@code default} when none was given) and its password. */
    public record Id(String label, Secret password) {}

    private final List<Id> ids;
    private final Map<String, String> plainText = new ConcurrentHashMap<>();

    public Vault(List<Id> ids) {
        this.ids = List.copyOf(ids);
    }

    /** A vault without secrets: any vault text fails with Ansible's message. */
    public static Vault none() {
        return new Vault(List.of());
    }

    public boolean hasSecrets() {
        return !ids.isEmpty();
    }

    /** The plain text of an inline {@code !vault} value or a vaulted file, decrypted once per run. */
    @Override
    public String decrypt(String vaultText, Loc loc) {
        return plainText.computeIfAbsent(vaultText, t -> Decrypter.super.decrypt(t, loc));
    }

    @Override
    public byte[] decryptBytes(String vaultText, Loc loc) {
        if (ids.isEmpty()) return Decrypter.NONE.decryptBytes(vaultText, loc);
        String[] lines = vaultText.strip().split("\\R");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].equals(HEADER)) throw format(loc, "the first line is not a vault header");
        if (!header[2].strip().equals("AES256")) {
            throw new SourceException(header[2].strip() + " cipher could not be found", loc, "jplay knows the AES256 vault cipher");
        }
        String label = header.length >= 4 ? header[3].strip() : null;
        byte[][] parts = envelope(String.join("", Arrays.copyOfRange(lines, 1, lines.length)), loc);
        for (Id id : ordered(label)) {
            byte[] plaintext = tryDecrypt(parts[0], parts[1], parts[2], id.password(), loc);
            if (plaintext != null) return plaintext;
        }
        // Ansible's message, naming the file (here also the line of an inline value: task failures show only the message)
        throw new SourceException("Decryption failed (no vault secrets were found that could decrypt) on " + loc, loc,
                label == null ? "the vault password is wrong" : "the vault password for vault id '" + label + "' is wrong");
    }

    private List<Id> ordered(String label) {
        List<Id> out = new ArrayList<>();
        for (Id id : ids) if (id.label().equals(label)) out.add(id);
        for (Id id : ids) if (!id.label().equals(label)) out.add(id);
        return out;
    }

    /** salt, hmac, ciphertext from the hex body (itself the hex of three hex lines). */
    private static byte[][] envelope(String body, Loc loc) {
        try {
            String inner = new String(HexFormat.of().parseHex(body.replaceAll("\\s", "")), StandardCharsets.US_ASCII);
            String[] three = inner.split("\n", 3);
            if (three.length != 3) throw format(loc, "expected salt, hmac and ciphertext");
            HexFormat hex = HexFormat.of();
            return new byte[][] {hex.parseHex(three[0].strip()), hex.parseHex(three[1].strip()), hex.parseHex(three[2].strip())};
        } catch (IllegalArgumentException e) {
            throw format(loc, "Vault format unhexlify error: " + e.getMessage());
        }
    }

    private static SourceException format(Loc loc, String detail) {
        return new SourceException("There was a vault format error: " + detail, loc);
    }

    /** The plaintext, or null when this password's HMAC does not match. */
    private static byte[] tryDecrypt(byte[] salt, byte[] hmac, byte[] ciphertext, Secret password, Loc loc) {
        char[] pw = password.chars();
        PBEKeySpec spec = new PBEKeySpec(pw, salt, ROUNDS, 80 * 8);
        Arrays.fill(pw, '\0');
        try {
            // PBKDF2-HMAC-SHA256 over the password's UTF-8 bytes: 32 bytes AES key, 32 bytes HMAC key, 16 bytes counter
            byte[] keys = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA256"));
            if (!MessageDigest.isEqual(mac.doFinal(ciphertext), hmac)) return null;
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"), new IvParameterSpec(keys, 64, 16));
            byte[] padded = aes.doFinal(ciphertext);
            Arrays.fill(keys, (byte) 0);
            int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (pad < 1 || pad > 16 || pad > padded.length) throw format(loc, "bad padding");
            return Arrays.copyOf(padded, padded.length - pad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("vault cipher unavailable in this JDK: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
