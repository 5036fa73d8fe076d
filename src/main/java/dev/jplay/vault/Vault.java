package dev.jplay.vault;

import dev.jplay.connection.Secret;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's vault secrets and Ansible Vault texts: decryption of 1.1 and 1.2 (labelled) AES256 texts, secrets whose
 * label matches a 1.2 envelope's label tried first, then the others, as Ansible does; and encryption as
 * ansible-vault writes it ({@link Aes256}, {@link Envelope}).
 */
public final class Vault implements Decrypter {
    /** What every vault text starts with. */
    public static final String HEADER = Envelope.HEADER;

    /** One vault secret: a vault id label ({@code default} when none was given) and its password. */
    public record Id(String label, Secret password) {}

    /** A decrypted text: its plain bytes, the secret that opened it, and the label in its header (null for 1.1). */
    public record Opened(byte[] plaintext, Id id, String label) {}

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

    public List<Id> ids() {
        return ids;
    }

    /** The plain text of an inline {@code !vault} value or a vaulted file, decrypted once per run. */
    @Override
    public String decrypt(String vaultText, Loc loc) {
        return plainText.computeIfAbsent(vaultText, t -> Decrypter.super.decrypt(t, loc));
    }

    @Override
    public byte[] decryptBytes(String vaultText, Loc loc) {
        if (ids.isEmpty()) return Decrypter.NONE.decryptBytes(vaultText, loc);
        return open(vaultText, loc).plaintext();
    }

    /** Decrypts {@code vaultText} and tells which secret opened it ({@code jplay vault edit} re-encrypts with that one). */
    public Opened open(String vaultText, Loc loc) {
        if (ids.isEmpty()) Decrypter.NONE.decryptBytes(vaultText, loc);
        Envelope env = Envelope.parse(vaultText);
        if (env == null) throw format(loc, "the first line is not a vault header");
        if (!env.cipher().equals("AES256")) {
            throw new SourceException(env.cipher() + " cipher could not be found", loc, "jplay knows the AES256 vault cipher", null,
                    SourceException.Kind.ERROR);
        }
        byte[][] parts = parts(env.body(), loc);
        for (Id id : ordered(env.label())) {
            byte[] plaintext = Aes256.decrypt(parts[0], parts[1], parts[2], id.password(), () -> {
                throw format(loc, "bad padding");
            });
            if (plaintext != null) return new Opened(plaintext, id, env.label());
        }
        // Ansible's message, naming the file (here also the line of an inline value: task failures show only the message);
        // text from no file at all (the unvault filter's) is named by nothing
        throw new SourceException("Decryption failed (no vault secrets were found that could decrypt)" + (loc == null ? "" : " on " + loc), loc,
                env.label() == null ? "the vault password is wrong" : "the vault password for vault id '" + env.label() + "' is wrong", null,
                SourceException.Kind.ERROR);
    }

    /**
     * The vault text of {@code plaintext} encrypted with {@code id}'s password, labelled with its label (version 1.2)
     * unless that is {@code default}: what ansible-vault writes, lines of 80 characters ending in a newline.
     */
    public static String encrypt(byte[] plaintext, Id id) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return encrypt(plaintext, id, salt);
    }

    /** With a given salt (the vault filter's {@code salt} argument: the same salt gives the same text). */
    public static String encrypt(byte[] plaintext, Id id, byte[] salt) {
        return Envelope.of(id.label(), Aes256.encrypt(plaintext, id.password(), salt)).format();
    }

    /** Like {@link #encrypt(byte[], Id)}, keeping the label a file already has (null: version 1.1). */
    public static String encrypt(byte[] plaintext, Secret password, String label) {
        return encrypt(plaintext, new Id(label == null ? "default" : label, password));
    }

    private List<Id> ordered(String label) {
        List<Id> out = new ArrayList<>();
        for (Id id : ids) if (id.label().equals(label)) out.add(id);
        for (Id id : ids) if (!id.label().equals(label)) out.add(id);
        return out;
    }

    /** salt, hmac, ciphertext from the hex body (itself the hex of three hex lines). */
    private static byte[][] parts(String body, Loc loc) {
        try {
            String inner = new String(HexFormat.of().parseHex(body), StandardCharsets.US_ASCII);
            String[] three = inner.split("\n", 3);
            if (three.length != 3) throw format(loc, "expected salt, hmac and ciphertext");
            HexFormat hex = HexFormat.of();
            return new byte[][] {hex.parseHex(three[0].strip()), hex.parseHex(three[1].strip()), hex.parseHex(three[2].strip())};
        } catch (IllegalArgumentException e) {
            throw format(loc, "Vault format unhexlify error: " + e.getMessage());
        }
    }

    private static SourceException format(Loc loc, String detail) {
        return new SourceException("There was a vault format error: " + detail, loc, null, null, SourceException.Kind.ERROR);
    }
}
