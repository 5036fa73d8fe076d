package dev.jplay.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * The SFTP side of one SSH connection, opened on first use. A write goes to {@code .NAME.jplay-TOKEN} in the
 * target's directory, gets the requested mode (or the replaced file's mode and owner), and is renamed over the
 * target with {@code posix-rename@openssh.com}, so no reader ever sees half a file. A write that fails removes
 * its temporary file; when the connection broke under it, the file stays behind and is listed by
 * {@link #leftovers} for the next connection to remove. A host without the SFTP subsystem falls back to shell
 * transfers.
 */
final class SshFiles implements AutoCloseable {
    /** Streams the content of a file being written. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final SSHClient client;
    private final SshConnection shell;
    private final List<String> leftovers = new ArrayList<>();
    private SFTPClient sftp;
    private boolean unavailable;

    SshFiles(SSHClient client, SshConnection shell) {
        this.client = client;
        this.shell = shell;
    }

    synchronized boolean available() {
        if (sftp == null && !unavailable) {
            try {
                sftp = client.newSFTPClient();
            } catch (IOException e) {
                unavailable = true;
            }
        }
        return sftp != null;
    }

    synchronized void write(String path, FileAttrs attrs, Content content) throws ConnectionException {
        String dir = ShellTransfer.parent(path);
        String tmp = (dir.endsWith("/") ? dir : dir + "/") + "." + path.substring(path.lastIndexOf('/') + 1) + ".jplay-" + ShellCommand.token();
        try {
            FileAttributes old = sftp.statExistence(path);
            using(sftp.open(tmp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), new FileAttributes.Builder().withPermissions(0600).build()), f -> {
                OutputStream out = new Chunked(f.new RemoteFileOutputStream(0, 16));
                content.writeTo(out);
                out.close();
            });
            applyAttrs(tmp, path, attrs, old);
            sftp.rename(tmp, path, EnumSet.of(RenameFlags.OVERWRITE));
        } catch (IOException e) {
            // neither the SFTP server's answer nor jplay's own: the channel or the connection under it broke
            boolean broke = !(e instanceof SFTPException) && !(e instanceof ConnectionException);
            if (!shell.alive() || SshConnection.brokenTransport(e) || broke && !answers()) {
                leftovers.add(tmp);
                throw shell.lost(e);
            }
            String why = e instanceof SFTPException && ((SFTPException) e).getStatusCode() == Response.StatusCode.FAILURE
                    && diskFull(dir) ? "No space left on device" : e.getMessage();
            if (broke && !sftp.getSFTPEngine().getSubsystem().isOpen()) {
                close();
                sftp = null;
                removeByShell(tmp);
            } else {
                removeQuietly(tmp);
            }
            if (e instanceof ConnectionException ce) throw ce;
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + path + ": " + why, e);
        }
    }

    /** What is done with an open remote file. */
    private interface FileWork {
        void on(RemoteFile f) throws IOException;
    }

    /**
     * Does {@code work} with {@code f} and closes it. Not try-with-resources: when the connection breaks, sshj
     * throws the same exception from the work and from close (suppressing an exception in itself is an
     * IllegalArgumentException, "Self-suppression not permitted"), or a runtime exception from its half-written
     * buffers (ArrayIndexOutOfBoundsException): each hid the lost connection. Both become IOExceptions here, and
     * the work's failure is the one reported.
     */
    private static void using(RemoteFile f, FileWork work) throws IOException {
        IOException failure = null;
        try {
            work.on(f);
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e.toString(), e);
        }
        try {
            f.close();
        } catch (IOException | RuntimeException e) {
            if (failure == null) failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
            else if (e != failure && e != failure.getCause()) failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }

    /** Temporary files of writes the connection broke under (they may hold part of the data). */
    synchronized List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    /**
     * SFTP v3 reports a full disk as a bare "Failure": ask the host whether the file system is full (under 64 KiB
     * or no inode free), while the partial temporary file still takes its room.
     */
    private boolean diskFull(String dir) {
        try {
            ExecResult r = shell.exec(ExecRequest.of("df -Pk " + ShellCommand.quote(dir) + " | awk 'NR==2 {print $4}'; "
                    + "df -Pi " + ShellCommand.quote(dir) + " | awk 'NR==2 {print $4}'"));
            for (String free : r.out().strip().split("\n")) {
                if (free.matches("\\d+") && Long.parseLong(free) < 64) return true;
            }
            return false;
        } catch (ConnectionException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Hands the SFTP stream writes of at most {@value #CHUNK} bytes: sshj sends each write as one SFTP WRITE, and
     * OpenSSH's sftp-server drops the whole channel on a message over 256 KiB (the client then waited a minute for
     * window space and left an empty temporary file).
     */
    static final class Chunked extends OutputStream {
        static final int CHUNK = 32 * 1024;
        private final OutputStream out;
        private final byte[] buf = new byte[CHUNK];
        private int len;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (len == CHUNK) drain();
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            while (n > 0) {
                if (len == CHUNK) drain();
                int k = Math.min(n, CHUNK - len);
                System.arraycopy(b, off, buf, len, k);
                len += k;
                off += k;
                n -= k;
            }
        }

        private void drain() throws IOException {
            if (len > 0) out.write(buf, 0, len);
            len = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    /** The requested mode, else the replaced file's mode and owner, else 0644; names and symbolic modes via the shell. */
    private void applyAttrs(String tmp, String path, FileAttrs attrs, FileAttributes old) throws IOException {
        boolean octal = attrs.mode() != null && attrs.mode().matches("0?[0-7]{3,4}");
        boolean names = attrs.owner() != null || attrs.group() != null;
        if (octal || attrs.mode() == null) {
            int mode = octal ? Integer.parseInt(attrs.mode(), 8) : old != null ? old.getMode().getPermissionsMask() : 0644;
            sftp.chmod(tmp, mode);
        }
        if (!names && old != null) {
            try {
                sftp.setattr(tmp, new FileAttributes.Builder().withUIDGID(old.getUID(), old.getGID()).build());
            } catch (IOException ignored) {
                // only root may give a file away; the login user keeps it, as cp would
            }
        }
        if (names || !octal && attrs.mode() != null) {
            String cmd = ShellTransfer.attrCommands(ShellCommand.quote(tmp), path, attrs) + "true";
            ExecResult r = shell.exec(ExecRequest.of(cmd));
            if (!r.ok()) throw new IOException(r.err().strip());
        }
    }

    synchronized byte[] read(String path) throws ConnectionException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        copyTo(path, out);
        return out.toByteArray();
    }

    synchronized void copyTo(String path, OutputStream out) throws ConnectionException {
        try {
            using(sftp.open(path, EnumSet.of(OpenMode.READ)), f -> {
                InputStream in = f.new ReadAheadRemoteFileInputStream(16);
                in.transferTo(out);
                in.close();
            });
        } catch (IOException e) {
            if (!shell.alive() || SshConnection.brokenTransport(e)) throw shell.lost(e);
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Does the connection still run a command? A write can fail a moment before sshj marks a cut connection
     * disconnected ("Stream closed"): the cut then shows here.
     */
    private boolean answers() {
        try {
            return shell.exec(ExecRequest.of("true").withTimeout(java.time.Duration.ofSeconds(10))).rc() == 0;
        } catch (ConnectionException | RuntimeException e) {
            return false;
        }
    }

    private void removeByShell(String tmp) {
        try {
            shell.exec(ExecRequest.of("rm -f " + ShellCommand.quote(tmp)));
        } catch (ConnectionException | RuntimeException e) {
            leftovers.add(tmp);
        }
    }

    private void removeQuietly(String tmp) {
        try {
            sftp.rm(tmp);
        } catch (IOException ignored) {
            // it may never have been created
        }
    }

    @Override
    public synchronized void close() {
        if (sftp == null) return;
        try {
            sftp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
