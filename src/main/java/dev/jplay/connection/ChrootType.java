package dev.jplay.connection;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ansible_connection=chroot} (Ansible's {@code community.general.chroot}): tasks run inside a directory
 * tree on the controller, e.g. an image being built. The host's {@code ansible_host} (else its inventory name) is
 * the tree; every command is {@code chroot_exe TREE /bin/sh -c ...} (the {@code ansible_chroot_exe} variable or
 * {@code ANSIBLE_CHROOT_EXE}, default {@code chroot} from PATH); files are written and read by commands inside the
 * tree (temp file + rename there), so a symlink in the tree never leads to the controller's own files. Become
 * happens inside the tree with its own sudo/su. Needs root, as in Ansible.
 * <pre>
 * [images]
 * /srv/images/bookworm ansible_connection=community.general.chroot
 * </pre>
 */
final class ChrootType implements ConnectionType {
    static final String EXE = "chroot_exe";

    @Override
    public String name() {
        return "chroot";
    }

    @Override
    public List<String> aliases() {
        return List.of("community.general.chroot");
    }

    @Override
    public Target target(String host, TargetSettings s) {
        String exe = s.variable("ansible_chroot_exe");
        if (exe == null) exe = System.getenv("ANSIBLE_CHROOT_EXE");
        return new Target(host, name(), s.variable("ansible_host"), 0, System.getProperty("user.name"), null, null, null, null, null)
                .withOption(EXE, exe == null ? "chroot" : exe);
    }

    @Override
    public Connection open(Target target, SshTransport ssh) throws ConnectionException {
        Path tree = Path.of(target.address());
        if (!runningAsRoot()) throw unusable("chroot connection requires running as root");
        if (!Files.isDirectory(tree)) throw unusable(tree + " is not a directory");
        Path sh = tree.resolve("bin/sh");
        if (!Files.isExecutable(sh) && !Files.isSymbolicLink(sh)) {
            throw unusable(tree + " does not look like a chrootable dir (/bin/sh missing)");
        }
        return new LocalConnection(target.name(), List.of(executable(target.options().get(EXE)), tree.toString()), false);
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code exe} when absolute, else the first executable of that name on PATH (Ansible's get_bin_path). */
    private static String executable(String exe) throws ConnectionException {
        if (exe.startsWith("/")) return exe;
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        StringBuilder searched = new StringBuilder();
        for (String dir : (path + ":/sbin:/usr/sbin:/usr/local/sbin").split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toString();
            searched.append(searched.length() == 0 ? "" : File.pathSeparator).append(dir);
        }
        throw unusable("Failed to find required executable \"" + exe + "\" in paths: " + searched);
    }

    private static ConnectionException unusable(String why) {
        return new ConnectionException(ConnectionException.Kind.UNREACHABLE, why);
    }
}
