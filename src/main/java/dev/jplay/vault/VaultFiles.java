package dev.jplay.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Reading and writing the files {@code jplay vault} works on: {@code -} is stdin or stdout; a file is replaced
 * atomically (a private temporary file in its directory, then a rename), new files are {@code 0600} as
 * ansible-vault makes them, and plain text that is replaced or no longer needed is overwritten before it is
 * removed ("shredded").
 */
public final class VaultFiles {
    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private VaultFiles() {}

    /** The bytes of {@code name} ({@code -}: stdin), or Ansible's "Unable to read source file" error. */
    public static byte[] read(String name, InputStream stdin) {
        try {
            return name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Unable to read source file (" + Path.of(name).toAbsolutePath() + "): No such file or directory");
        } catch (IOException e) {
            throw new IllegalStateException("Unable to read source file (" + name + "): " + e.getMessage(), e);
        }
    }

    /** How {@link #write} treats the file it replaces. */
    public enum Replace {
        /** the old content was plain text: overwrite it before it goes; the new file is 0600 */
        SHRED,
        /** the old content was vault text: just replace it; the new file is 0600 */
        PLAIN,
        /** keep the old file's permissions (edit, rekey) */
        KEEP_MODE
    }

    /** Writes {@code data} to {@code name} ({@code -}: stdout) without ever leaving a half-written file. */
    public static void write(byte[] data, String name, Replace how, OutputStream stdout) {
        try {
            if (name.equals("-")) {
                stdout.write(data);
                stdout.flush();
                return;
            }
            Path target = Path.of(name).toAbsolutePath();
            Set<PosixFilePermission> mode = how == Replace.KEEP_MODE && Files.exists(target)
                    ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS) : PRIVATE;
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PRIVATE));
            try {
                Files.write(tmp, data);
                Files.setPosixFilePermissions(tmp, mode);
                if (how == Replace.SHRED && Files.isRegularFile(target)) overwrite(target);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Unable to write " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} with {@code data}, 0600; fails if it exists. */
    public static void create(Path file, byte[] data) {
        try {
            Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE)), data);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " exists, please use 'edit' instead");
        } catch (IOException e) {
            throw new IllegalStateException("Unable to write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Overwrites a file's content with random bytes and removes it; nothing happens when it is already gone. */
    public static void shred(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return;
            overwrite(file);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more can be done; the caller's directory is private
            }
        }
    }

    private static void overwrite(Path file) throws IOException {
        long size = Files.size(file);
        SecureRandom random = new SecureRandom();
        byte[] chunk = new byte[(int) Math.min(size, 1 << 16)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long done = 0; done < size; done += chunk.length) {
                random.nextBytes(chunk);
                ch.write(ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, size - done)), done);
            }
            ch.force(true);
        }
    }
}
