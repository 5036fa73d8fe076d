package dev.jplay.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A vault text's header and body: {@code $ANSIBLE_VAULT;1.1;AES256} or {@code $ANSIBLE_VAULT;1.2;AES256;LABEL}, then
 * the hex body in lines of 80 characters. A label other than {@code default} makes the text version 1.2, as
 * ansible-vault writes it.
 */
record Envelope(String version, String cipher, String label, String body) {
    static final String HEADER = "$ANSIBLE_VAULT";

    /** An envelope for a new text, labelled unless {@code label} is null or {@code default}. */
    static Envelope of(String label, String body) {
        boolean labelled = label != null && !label.isEmpty() && !label.equals("default");
        return new Envelope(labelled ? "1.2" : "1.1", "AES256", labelled ? label : null, body);
    }

    /** The parts of {@code text}; null when its first line is not a vault header. */
    static Envelope parse(String text) {
        String[] lines = text.strip().split("\\R");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].equals(HEADER)) return null;
        String label = header.length >= 4 ? header[3].strip() : null;
        String body = String.join("", Arrays.copyOfRange(lines, 1, lines.length)).replaceAll("\\s", "");
        return new Envelope(header[1].strip(), header[2].strip(), label, body);
    }

    /** The text as ansible-vault writes it, ending in a newline. */
    String format() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + ";" + version + ";" + cipher + (label != null && version.equals("1.2") ? ";" + label : ""));
        for (int i = 0; i < body.length(); i += 80) lines.add(body.substring(i, Math.min(body.length(), i + 80)));
        return String.join("\n", lines) + "\n";
    }
}
