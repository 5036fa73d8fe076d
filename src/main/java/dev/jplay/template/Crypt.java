package dev.jplay.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The crypt(3) password hashes {@code password_hash} makes, as passlib makes them: SHA-512 crypt ({@code $6$}),
 * SHA-256 crypt ({@code $5$}) and MD5 crypt ({@code $1$}).
 */
final class Crypt {
    static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int[][] SHA512_ORDER = {{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26},
        {6, 27, 48}, {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13}, {56, 14, 35},
        {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};
    private static final int[][] SHA256_ORDER = {{0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14}, {15, 25, 5},
        {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};

    private Crypt() {}

    static String randomSalt(int size) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** SHA-crypt: {@code bits} 512 or 256; "rounds=N$" is written unless N is 5000. */
    static String sha(String password, String salt, int rounds, int bits) {
        String algo = bits == 512 ? "SHA-512" : "SHA-256";
        int len = bits / 8;
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.substring(0, Math.min(16, salt.length())).getBytes(StandardCharsets.UTF_8);
        MessageDigest b = digest(algo);
        b.update(pw);
        b.update(s);
        b.update(pw);
        byte[] db = b.digest();
        MessageDigest a = digest(algo);
        a.update(pw);
        a.update(s);
        for (int i = pw.length; i > 0; i -= len) a.update(db, 0, Math.min(i, len));
        for (int i = pw.length; i > 0; i >>= 1) {
            if ((i & 1) != 0) a.update(db);
            else a.update(pw);
        }
        byte[] da = a.digest();
        MessageDigest dp = digest(algo);
        for (int i = 0; i < pw.length; i++) dp.update(pw);
        byte[] p = repeat(dp.digest(), pw.length);
        MessageDigest ds = digest(algo);
        for (int i = 0; i < 16 + (da[0] & 0xff); i++) ds.update(s);
        byte[] sBytes = repeat(ds.digest(), s.length);
        byte[] c = da;
        for (int i = 0; i < rounds; i++) {
            MessageDigest x = digest(algo);
            if ((i & 1) != 0) x.update(p);
            else x.update(c);
            if (i % 3 != 0) x.update(sBytes);
            if (i % 7 != 0) x.update(p);
            if ((i & 1) != 0) x.update(c);
            else x.update(p);
            c = x.digest();
        }
        StringBuilder out = new StringBuilder(bits == 512 ? "$6$" : "$5$");
        if (rounds != 5000) out.append("rounds=").append(rounds).append('$');
        out.append(new String(s, StandardCharsets.UTF_8)).append('$');
        for (int[] o : bits == 512 ? SHA512_ORDER : SHA256_ORDER) b64(out, (u(c[o[0]]) << 16) | (u(c[o[1]]) << 8) | u(c[o[2]]), 4);
        if (bits == 512) b64(out, u(c[63]), 2);
        else b64(out, (u(c[31]) << 8) | u(c[30]), 3);
        return out.toString();
    }

    /** MD5-crypt ({@code $1$salt$hash}, salt up to 8 characters). */
    static String md5(String password, String salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.substring(0, Math.min(8, salt.length())).getBytes(StandardCharsets.UTF_8);
        byte[] magic = "$1$".getBytes(StandardCharsets.US_ASCII);
        MessageDigest ctx = digest("MD5");
        ctx.update(pw);
        ctx.update(magic);
        ctx.update(s);
        MessageDigest alt = digest("MD5");
        alt.update(pw);
        alt.update(s);
        alt.update(pw);
        byte[ ] fin = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) ctx.update(fin, 0, Math.min(pl, 16));
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) ctx.update((byte) 0);
            else ctx.update(pw.length > 0 ? pw[0] : 0);
        }
        fin = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            MessageDigest x = digest("MD5");
            if ((i & 1) != 0) x.update(pw);
            else x.update(fin);
            if (i % 3 != 0) x.update(s);
            if (i % 7 != 0) x.update(pw);
            if ((i & 1) != 0) x.update(fin);
            else x.update(pw);
            fin = x.digest();
        }
        StringBuilder out = new StringBuilder("$1$").append(new String(s, StandardCharsets.UTF_8)).append('$');
        int[][] order = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] o : order) b64(out, (u(fin[o[0]]) << 16) | (u(fin[o[1]]) << 8) | u(fin[o[2]]), 4);
        b64(out, u(fin[11]), 2);
        return out.toString();
    }

    private static int u(byte b) {
        return b & 0xff;
    }

    private static void b64(StringBuilder sb, int v, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static byte[] repeat(byte[] d, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) out[i] = d[i % d.length];
        return out;
    }

    private static MessageDigest digest(String algo) {
        try {
            return MessageDigest.getInstance(algo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
