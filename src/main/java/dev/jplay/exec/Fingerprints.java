package dev.jplay.exec;

import dev.jplay.playbook.Block;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.Task;
import dev.jplay.playbook.TaskNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * SHA-256 checksums of what a run was made of, for the journal: the files its plays, roles, tasks and handlers were
 * loaded from, and its inventory sources (a file, every file of a directory, or the text of a host list) with the
 * {@code group_vars}/{@code host_vars} beside the playbooks. Vaulted files are hashed as they are on disk.
 */
public final class Fingerprints {
    private Fingerprints() {}

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file the playbooks' plays, tasks and handlers were written in. */
    public static Set<Path> playbookSources(List<Playbook> playbooks) {
        Set<Path> files = new TreeSet<>();
        for (Playbook pb : playbooks) {
            files.add(pb.file());
            for (Play p : pb.plays()) {
                if (p.loc().known()) files.add(Path.of(p.loc().file()));
                for (List<TaskNode> s : p.sections()) nodes(s, files);
                nodes(List.copyOf(p.handlers()), files);
            }
        }
        return files;
    }

    /** Every file these tasks (and the blocks' tasks) were written in. */
    public static Set<Path> sources(Collection<? extends TaskNode> tasks) {
        Set<Path> files = new TreeSet<>();
        nodes(List.copyOf(tasks), files);
        return files;
    }

    private static void nodes(List<? extends TaskNode> nodes, Set<Path> files) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                nodes(b.block(), files);
                nodes(b.rescue(), files);
                nodes(b.always(), files);
            } else if (n instanceof Task t && t.loc().known()) {
                files.add(Path.of(t.loc().file()));
            }
        }
    }

    /** {@code name → sha256} for files, named by {@code name}; a missing file hashes as "missing". */
    public static Map<String, String> files(Collection<Path> files, java.util.function.Function<Path, String> name) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files) out.put(name.apply(f), file(f));
        return out;
    }

    /**
     * The inventory: each source (a path relative to {@code cwd}, or a host list), then the vars directories beside
     * the playbooks.
     */
    public static Map<String, String> inventory(List<String> sources, Path cwd, Collection<Path> playbookDirs) {
        Map<String, String> out = new TreeMap<>();
        for (String s : sources) {
            Path p = cwd.resolve(s);
            out.put(s, Files.exists(p) ? tree(p) : sha256(s.getBytes(StandardCharsets.UTF_8)));
            if (Files.isRegularFile(p) && p.getParent() != null) varsDirs(p.getParent(), out);
        }
        for (Path d : playbookDirs) varsDirs(d, out);
        return out;
    }

    private static void varsDirs(Path dir, Map<String, String> out) {
        for (String v : List.of("group_vars", "host_vars")) {
            Path d = dir.resolve(v);
            if (Files.isDirectory(d)) out.put(d.toString(), tree(d));
        }
    }

    private static String file(Path f) {
        try {
            return Files.isRegularFile(f) ? sha256(Files.readAllBytes(f)) : "missing";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** A file's checksum, or one over every file below a directory (relative names and contents; hidden ones left out). */
    private static String tree(Path p) {
        if (!Files.isDirectory(p)) return file(p);
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(p)) {
            s.filter(Files::isRegularFile).filter(f -> !hidden(p.relativize(f))).sorted()
                    .forEach(f -> all.append(p.relativize(f)).append(' ').append(file(f)).append('\n'));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable";
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
