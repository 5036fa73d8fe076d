package dev.jplay.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a task finds a file on the controller ({@code src} of {@code template}, {@code copy}, {@code script} ...), as
 * Ansible's search path does: in each base directory (the role, the task file's directory, the playbook directory)
 * first under {@code kind} ({@code templates/}, {@code files/}), then directly. One rule for the run and for the
 * checks made while loading.
 */
public final class ControllerFiles {
    private ControllerFiles() {}

    /** The base directories searched, in order: the role's, the task file's, the playbook's (each once). */
    public static List<Path> bases(RoleContext role, Path taskDir, Path playbookDir) {
        List<Path> bases = new ArrayList<>();
        if (role != null) bases.add(role.dir());
        if (taskDir != null) bases.add(taskDir);
        bases.add(playbookDir);
        return bases.stream().distinct().toList();
    }

    /** The file {@code name} found under {@code bases} ({@code kind}: the subdirectory tried first), or null. */
    public static Path find(String name, String kind, List<Path> bases) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        for (Path base : bases) {
            for (Path c : List.of(base.resolve(kind).resolve(name), base.resolve(name))) {
                if (Files.exists(c)) return c.normalize();
            }
        }
        return null;
    }
}
