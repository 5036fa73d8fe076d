package dev.jplay.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ansible's {@code tree} callback ({@code ansible -t DIR}): each host's result as JSON in {@code DIR/HOST},
 * overwritten by the host's next result. Problems writing are warnings, as in Ansible.
 */
public final class TreeCallback implements Callback {
    private final Path dir;
    private final Display d;
    private final int verbosity;

    public TreeCallback(Path dir, Display display, int verbosity) {
        this.dir = dir;
        this.d = display;
        this.verbosity = verbosity;
    }

    @Override
    public void on(Event e) {
        if (!(e instanceof Event.HostResult r) || r.status() == Status.SKIPPED) return;
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            d.warning("Unable to access or create the configured directory (" + dir + "): " + ex.getMessage());
        }
        Path file = dir.resolve(r.host());
        try {
            Files.writeString(file, Results.dump(Results.displayCopy(r.result()), verbosity, null), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            d.warning("Unable to write to " + r.host() + "'s file: " + ex.getMessage());
        }
    }
}
