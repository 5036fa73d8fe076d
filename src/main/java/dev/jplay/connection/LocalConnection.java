package dev.jplay.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as processes on the controller through {@code /bin/sh}: for {@code ansible_connection=local},
 * {@code localhost} and {@code delegate_to: localhost} directly (writes without become go straight to the file
 * system), and for types that start the shell through a launcher ({@code chroot DIR /bin/sh -c ...}), whose files
 * are written and read by commands behind the same launcher.
 */
public final class LocalConnection implements Connection {
    private final String host;
    private final List<String> launcher;
    private final boolean onController;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-io");
        t.setDaemon(true);
        return t;
    });
    private final CommandIO io = new CommandIO(pool);
    private final ScheduledExecutorService timer = Watchdog.timer();

    public LocalConnection(String host) {
        this(host, List.of(), true);
    }

    /**
     * Commands start as {@code launcher... /bin/sh -c LINE}; {@code onController}: paths are the controller's own,
     * so files are read and written directly (else through commands behind the launcher).
     */
    LocalConnection(String host, List<String> launcher, boolean onController) {
        this.host = host;
        this.launcher = List.copyOf(launcher);
        this.onController = onController;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public boolean isLocal() {
        return onController;
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        ShellCommand.BecomePlan plan = req.become() == null ? null : ShellCommand.BecomePlan.fresh();
        String line = ShellCommand.build(req, plan);
        Process p;
        try {
            List<String> argv = new java.util.ArrayList<>(launcher);
            argv.addAll(List.of("/bin/sh", "-c", line));
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new ConnectionException(ConnectionException.Kind.UNREACHABLE, "cannot start " + String.join(" ", launcher)
                    + (launcher.isEmpty() ? "" : " ") + "/bin/sh: " + e.getMessage(), e);
        }
        Runnable hangUp = () -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        };
        Watchdog dog = Watchdog.start(timer, req.timeout(), hangUp);
        try {
            CommandIO.Captured c = io.run(p.getOutputStream(), p.getInputStream(), p.getErrorStream(), req.stdin(), req.become(), plan,
                    req.listener(), req.dialog(), hangUp);
            int rc = p.waitFor();
            if (dog.fired()) {
                throw new ConnectionException(ConnectionException.Kind.TIMEOUT,
                        "command timed out after " + req.timeout().toSeconds() + " seconds");
            }
            if (c.becomeFailure() != null) throw new ConnectionException(ConnectionException.Kind.BECOME, c.becomeFailure());
            return new ExecResult(rc, c.stdout(), c.stderr());
        } catch (IOException e) {
            if (e instanceof ConnectionException ce) throw ce;
            throw new ConnectionException(ConnectionException.Kind.UNREACHABLE, e.getMessage(), e);
        } catch (InterruptedException e) {
            hangUp.run();
            Thread.currentThread().interrupt();
            throw new ConnectionException(ConnectionException.Kind.TIMEOUT, "interrupted", e);
        } finally {
            dog.cancel();
        }
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (become != null || !onController) {
            viaShell(data, path, attrs, become);
            return;
        }
        writeAtomically(path, attrs, tmp -> Files.write(tmp, data));
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        if (become != null || !onController) {
            try {
                viaShell(Files.readAllBytes(localFile), path, attrs, become);
            } catch (IOException e) {
                throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + localFile + ": " + e.getMessage(), e);
            }
            return;
        }
        writeAtomically(path, attrs, tmp -> Files.copy(localFile, tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    private void viaShell(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        ShellTransfer.write(this, data, path, attrs, become);
    }

    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    private void writeAtomically(String path, FileAttrs attrs, Writer w) throws ConnectionException {
        Path target = Path.of(path);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".jplay-", "");
            w.write(tmp);
            ExecResult r = exec(ExecRequest.of(ShellTransfer.attrCommands(ShellCommand.quote(tmp.toString()), path, attrs) + "true"));
            if (!r.ok()) throw new IOException(r.err().strip());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        if (become == null && onController) {
            try {
                return Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return ShellTransfer.read(this, path, become);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        if (become == null && onController) {
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                Files.copy(in, localFile, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException e) {
                throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.write(localFile, get(path, become));
        } catch (IOException e) {
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + localFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
