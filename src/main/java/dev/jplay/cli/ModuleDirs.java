package dev.jplay.cli;

import dev.jplay.modules.external.ExternalModules;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories searched for modules, first one wins (Ansible's module loader path): the playbooks' adjacent
 * {@code library/}, the roles' {@code library/}, then {@code after} (-M, the configured library, ./library,
 * ./modules). Ansible adds a role's directory when it loads the role; before the playbooks are loaded every role
 * found beside them or on the roles path is taken in name order, so a module is known before any task is parsed.
 *
 * @param playbookLibraries each playbook's {@code library/}
 * @param roleDirs          the directories holding roles (each playbook's {@code roles/}, the roles path)
 * @param after             the directories searched after the roles'
 */
record ModuleDirs(List<Path> playbookLibraries, List<Path> roleDirs, List<Path> after) {

    /** Every role's library in name order (before the playbooks are loaded). */
    List<Path> inNameOrder() {
        Set<Path> dirs = new LinkedHashSet<>(playbookLibraries);
        dirs.addAll(ExternalModules.roleLibraries(roleDirs));
        dirs.addAll(after);
        return List.copyOf(dirs);
    }

    /**
     * As Ansible orders them once {@code loaded}: each playbook's library, then the libraries of the roles it loads in
     * load order (a role's dependencies before it); the roles it does not load (include_role may load them at run
     * time) follow in name order.
     */
    List<Path> inLoadOrder(List<Playbook> loaded) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Playbook pb : loaded) {
            dirs.add(pb.file().getParent().resolve("library"));
            for (Play play : pb.plays()) {
                for (Role r : play.playRoles()) addLibraries(r, dirs);
            }
        }
        dirs.addAll(playbookLibraries);
        dirs.addAll(ExternalModules.roleLibraries(roleDirs));
        dirs.addAll(after);
        return List.copyOf(dirs);
    }

    private static void addLibraries(Role r, Set<Path> dirs) {
        for (Role d : r.dependencies()) addLibraries(d, dirs);
        Path lib = r.dir().resolve("library");
        if (Files.isDirectory(lib)) dirs.add(lib);
    }
}
