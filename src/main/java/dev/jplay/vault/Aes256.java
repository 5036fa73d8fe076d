package dev.jplay.vault;

import dev.jplay.connection.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES256 vault cipher as ansible-core implements it: PBKDF2-HMAC-SHA256 (10000 rounds) derives an AES key, an
 * HMAC key and a CTR counter from the password and a 32-byte salt; the plaintext is PKCS#7-padded and encrypted
 * with AES-256-CTR; the HMAC-SHA256 of the ciphertext authenticates it. The body of a vault text is the hex of
 * three hex lines: salt, HMAC, ciphertext.
 */
final class Aes256 {
    private static final int ROUNDS = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private Aes256() {}

    /** The vault body (hex of {@code hex(salt)\nhex(hmac)\nhex(ciphertext)}) of {@code plaintext}. */
    static String encrypt(byte[] plaintext, Secret password, byte[] salt) {
        byte[] keys = keys(password, salt);
        try {
            int pad = 16 - plaintext.length % 16;
            byte[] padded = Arrays.copyOf(plaintext, plaintext.length + pad);
            Arrays.fill(padded, plaintext.length, padded.length, (byte) pad);
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"), new IvParameterSpec(keys, 64, 16));
            byte[] ciphertext = aes.doFinal(padded);
            Arrays.fill(padded, (byte) 0);
            byte[] hmac = mac(keys).doFinal(ciphertext);
            String inner = HEX.formatHex(salt) + "\n" + HEX.formatHex(hmac) + "\n" + HEX.formatHex(ciphertext);
            return HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw unavailable(e);
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /** The padded plaintext's content, or null when the password's HMAC does not match; {@code badPadding} on a broken text. */
    static byte[] decrypt(byte[] salt, byte[] hmac, byte[] ciphertext, Secret password, Runnable badPadding) {
        byte[] keys = keys(password, salt);
        try {
            if (!MessageDigest.isEqual(mac(keys).doFinal(ciphertext), hmac)) return null;
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"), new IvParameterSpec(keys, 64, 16));
            byte[] padded = aes.doFinal(ciphertext);
            int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (pad < 1 || pad > 16 || pad > padded.length) badPadding.run();
            return Arrays.copyOf(padded, padded.length - pad);
        } catch (GeneralSecurityException e) {
            throw unavailable(e);
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /** 80 bytes: AES key, HMAC key, CTR counter. PBKDF2 reads the password's characters as UTF-8, as Python's bytes. */
    private static byte[] keys(Secret password, byte[] salt) {
        char[] pw = password.chars();
        PBEKeySpec spec = new PBEKeySpec(pw, salt, ROUNDS, 80 * 8);
        Arrays.fill(pw, '\0');
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw unavailable(e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Mac mac(byte[] keys) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA256"));
        return mac;
    }

    private static IllegalStateException unavailable(GeneralSecurityException e) {
        return new IllegalStateException("vault cipher unavailable in this JDK: " + e.getMessage(), e);
    }
}
