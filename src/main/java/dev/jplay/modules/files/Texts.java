package dev.jplay.modules.files;

import dev.jplay.modules.Diff;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checksums and text diffs of file contents, as Ansible computes and shows them. */
final class Texts {
    /** Larger files are not diffed (Ansible's default max_diff_size is 104448 bytes). */
    static final int MAX_DIFF = 104448;

    private Texts() {}

    static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    static String md5(byte[] data) {
        return digest("MD5", data);
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] data) {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A before/after diff of two contents (null before: absent file), or a note when binary or too large. */
    static Diff diff(String beforeHeader, String afterHeader, byte[] before, byte[] after) {
        byte[] b = before == null ? new byte[0] : before;
        if (b.length > MAX_DIFF || after.length > MAX_DIFF) {
            return new Diff("[[ diff too large ]]", "[[ diff too large ]]", beforeHeader, afterHeader);
        }
        if (!isText(b) || !isText(after)) {
            return new Diff("[[ binary file ]]", "[[ binary file ]]", beforeHeader, afterHeader);
        }
        return new Diff(utf8(b), utf8(after), beforeHeader, afterHeader);
    }

    static boolean isText(byte[] data) {
        for (byte x : data) if (x == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
