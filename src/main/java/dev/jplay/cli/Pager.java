package dev.jplay.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Text for a person to read: through {@code $PAGER} (else {@code less}, with {@code LESS=FRX} unless set) on a terminal, else printed. */
final class Pager {
    private Pager() {}

    static void show(String text) {
        if (System.console() == null) {
            System.out.print(text);
            System.out.flush();
            return;
        }
        String pager = System.getenv().getOrDefault("PAGER", "less");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", pager.isBlank() ? "less" : pager)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putIfAbsent("LESS", "FRX");
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // the reader quit before the end (q in less)
            }
            p.waitFor();
        } catch (IOException e) {
            System.out.print(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
