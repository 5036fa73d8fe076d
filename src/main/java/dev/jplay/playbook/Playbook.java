package dev.jplay.playbook;

import java.nio.file.Path;
import java.util.List;

/** A loaded playbook file with {@code import_playbook} entries expanded in place. */
public record Playbook(Path file, List<Play> plays) {}
