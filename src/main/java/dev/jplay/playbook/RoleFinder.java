package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a role directory as Ansible does: a dependency first beside its parent role, then {@code roles/} next to
 * the playbook, the configured {@code roles_path}, and the playbook directory; a name with a slash is a path.
 */
final class RoleFinder {
    private final List<Path> rolesPath;

    RoleFinder(List<Path> rolesPath) {
        this.rolesPath = List.copyOf(rolesPath);
    }

    Path find(String name, RoleContext parent, Loc loc, Path playbookDir) {
        List<Path> bases = new ArrayList<>();
        if (parent != null) bases.add(parent.dir().getParent());
        bases.add(playbookDir.resolve("roles"));
        bases.addAll(rolesPath);
        bases.add(playbookDir);
        List<Path> tried = new ArrayList<>();
        Path asPath = Path.of(name);
        if (asPath.isAbsolute()) {
            tried.add(asPath);
        } else {
            for (Path b : bases) tried.add(b.resolve(name).normalize());
        }
        for (Path p : tried) if (Files.isDirectory(p)) return p;
        throw new SourceException("the role '" + name + "' was not found", loc,
                "searched: " + String.join(", ", tried.stream().map(Path::toString).distinct().toList())
                        + "\nset roles_path in ansible.cfg if your roles live elsewhere", null, dev.jplay.source.SourceException.Kind.ERROR);
    }
}
