package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a role directory as Ansible does: a collection role ({@code namespace.collection.role}) in the
 * collections' {@code roles/}; else a dependency first beside its parent role, then {@code roles/} next to the
 * playbook, the configured {@code roles_path}, and the playbook directory; a name with a slash is a path.
 */
final class RoleFinder {
    private static final Pattern FQCR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private final List<Path> rolesPath;
    private final List<Path> collections;

    /** {@code collections}: the {@code ansible_collections} directories, searched in order. */
    RoleFinder(List<Path> rolesPath, List<Path> collections) {
        this.rolesPath = List.copyOf(rolesPath);
        this.collections = List.copyOf(collections);
    }

    /** The role's own name, as Ansible's {@code _role_name}: {@code blah} for the collection role {@code foo.bar.blah}. */
    static String shortName(String name, Path dir) {
        return FQCR.matcher(name).matches() && dir.getFileName() != null ? dir.getFileName().toString() : name;
    }

    Path find(String name, RoleContext parent, Loc loc, Path playbookDir) {
        Matcher fq = FQCR.matcher(name);
        if (fq.matches()) {
            for (Path c : collections) {
                Path dir = c.resolve(fq.group(1)).resolve(fq.group(2)).resolve("roles").resolve(fq.group(3));
                if (Files.isDirectory(dir)) return dir;
            }
        }
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
