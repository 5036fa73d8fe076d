package dev.jplay.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A persistent shell's frames shown to a listener as they arrive, never a byte of the marker. */
class FramedReaderTest {
    /** Hands out the given pieces one read at a time, as a network stream does. */
    private static InputStream pieces(String... parts) {
        List<byte[]> left = new ArrayList<>();
        for (String p : parts) left.add(p.getBytes(StandardCharsets.US_ASCII));
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left.isEmpty()) return -1;
                byte[] p = left.remove(0);
                System.arraycopy(p, 0, b, off, p.length);
                return p.length;
            }
        };
    }

    @Test
    void showsContentAsItComesAndHoldsWhatMayStartTheMarker() throws IOException {
        byte[] marker = "MRK42:".getBytes(StandardCharsets.US_ASCII);
        List<String> seen = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        OutputListener l = (data, off, len, err) -> {
            seen.add(new String(data, off, len, StandardCharsets.US_ASCII));
            all.write(data, off, len);
        };
        FramedReader r = new FramedReader(pieces("start\n", "half MR", "K not it\nM", "RK42:0\nnext frame"));
        FramedReader.Frame f = r.read(marker, l, false);
        assertThat(f.tail()).isEqualTo("0");
        assertThat(new String(f.content(), StandardCharsets.US_ASCII)).isEqualTo("start\nhalf MRK not it\n");
        assertThat(all.toString(StandardCharsets.US_ASCII)).isEqualTo("start\nhalf MRK not it\n");
        assertThat(seen.get(0)).as("a short first line is shown at once").isEqualTo("start\n");
        assertThat(seen.get(1)).as("'MR' could begin the marker: held until the next piece").isEqualTo("half ");
        assertThat(seen).noneMatch(s -> s.contains("MRK42"));
    }
}
