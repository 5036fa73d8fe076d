package dev.jplay.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** SHA-512 crypt ({@code $6$salt$hash}), as {@code password_hash('sha512')} and /etc/shadow use it. */
final class Sha512Crypt {
    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Sha512Crypt() {}

    static String randomSalt() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    static String crypt(String password, String salt, int rounds) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.substring(0, Math.min(16, salt.length())).getBytes(StandardCharsets.UTF_8);
        MessageDigest b = sha();
        b.update(pw);
        b.update(s);
        b.update(pw);
        byte[] db = b.digest();
        MessageDigest a = sha();
        a.update(pw);
        a.update(s);
        for (int i = pw.length; i > 0; i -= 64) a.update(db, 0, Math.min(i, 64));
        for (int i = pw.length; i > 0; i >>= 1) {
            if ((i & 1) != 0) a.update(db);
            else a.update(pw);
        }
        byte[] da = a.digest();
        MessageDigest dp = sha();
        for (int i = 0; i < pw.length; i++) dp.update(pw);
        byte[] p = repeat(dp.digest(), pw.length);
        MessageDigest ds = sha();
        for (int i = 0; i < 16 + (da[0] & 0xff); i++) ds.update(s);
        byte[] sBytes = repeat(ds.digest(), s.length);
        byte[] c = da;
        for (int i = 0; i < rounds; i++) {
            MessageDigest x = sha();
            if ((i & 1) != 0) x.update(p);
            else x.update(c);
            if (i % 3 != 0) x.update(sBytes);
            if (i % 7 != 0) x.update(p);
            if ((i & 1) != 0) x.update(c);
            else x.update(p);
            c = x.digest();
        }
        StringBuilder out = new StringBuilder("$6$");
        if (rounds != 5000) out.append("rounds=").append(rounds).append('$');
        out.append(new String(s, StandardCharsets.UTF_8)).append('$');
        int[][] order = {{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48}, {28, 49, 7},
            {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13}, {56, 14, 35}, {15, 36, 57},
            {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};
        for (int[] o : order) b64(out, ((c[o[0]] & 0xff) << 16) | ((c[o[1]] & 0xff) << 8) | (c[o[2]] & 0xff), 4);
        b64(out, c[63] & 0xff, 2);
        return out.toString();
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

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
