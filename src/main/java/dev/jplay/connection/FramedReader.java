package dev.jplay.connection;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads one stream of a persistent shell frame by frame: everything up to a marker is the command's output
 * (binary-safe: the marker is a fresh random token, so no output can contain it by chance), the bytes after the
 * marker up to the next newline are the frame's tail (the exit status on stdout). Bytes read past a frame are
 * kept for the next one.
 */
final class FramedReader {
    /** One frame: the command's output and the text between the marker and the newline. */
    record Frame(byte[] content, String tail) {}

    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int len;

    FramedReader(InputStream in) {
        this.in = in;
    }

    /** Reads until {@code marker} and the newline after it; an IOException leaves the reader unusable. */
    Frame read(byte[] marker) throws IOException {
        return read(marker, null, false);
    }

    /**
     * Like {@link #read(byte[])}, showing the frame's content to {@code listener} (null: none) as it arrives: the
     * bytes that can no longer be the start of the marker.
     */
    Frame read(byte[] marker, OutputListener listener, boolean stderr) throws IOException {
        int from = 0;
        int shown = 0;
        while (true) {
            int at = indexOf(marker, from);
            if (listener != null) {
                int safe = at >= 0 ? at : len - markerStartAtEnd(marker);
                if (safe > shown) listener.output(buf, shown, safe - shown, stderr);
                shown = Math.max(shown, safe);
            }
            if (at >= 0) {
                int nl = indexOf(new byte[] {'\n'}, at + marker.length);
                if (nl >= 0) {
                    byte[] content = Arrays.copyOf(buf, at);
                    String tail = new String(buf, at + marker.length, nl - at - marker.length, java.nio.charset.StandardCharsets.US_ASCII);
                    System.arraycopy(buf, nl + 1, buf, 0, len - nl - 1);
                    len -= nl + 1;
                    return new Frame(content, tail);
                }
                from = at;
            } else {
                from = Math.max(0, len - marker.length + 1);
            }
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) throw new java.io.EOFException("the remote shell closed its output");
            len += n;
        }
    }

    /** How many bytes at the end of the buffer could be the beginning of {@code marker} (they wait for more input). */
    private int markerStartAtEnd(byte[] marker) {
        outer:
        for (int k = Math.min(marker.length - 1, len); k > 0; k--) {
            for (int j = 0; j < k; j++) if (buf[len - k + j] != marker[j]) continue outer;
            return k;
        }
        return 0;
    }

    private int indexOf(byte[] needle, int from) {
        outer:
        for (int i = from; i <= len - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (buf[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
