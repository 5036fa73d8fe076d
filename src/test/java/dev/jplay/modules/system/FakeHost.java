package dev.jplay.modules.system;

import dev.jplay.modules.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fake host for module tests: small sh scripts standing in for the host's tools ({@code apt-get},
 * {@code systemctl}, ...) in a directory put first on PATH, keeping their state in files under {@link #state()}
 * and logging every call ({@code name args...}) so tests assert on the commands a module ran.
 */
public final class FakeHost {
    private final Path root;
    private final Path bin;
    private final Path state;
    private final Path log;

    public FakeHost(Path root) {
        this.root = root;
        this.bin = root.resolve("bin");
        this.state = root.resolve("state");
        this.log = root.resolve("calls.log");
        try {
            Files.createDirectories(bin);
            Files.createDirectories(state);
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path state() {
        return state;
    }

    /** Installs a fake tool: it logs its argv, then runs {@code body} (sh, with $S = the state directory). */
    public FakeHost tool(String name, String body) {
        String script = "#!/bin/sh\nS=" + state + "\nprintf '%s\\n' \"" + name + " $*\" >> " + log + "\n" + body + "\n";
        Path p = bin.resolve(name);
        try {
            Files.writeString(p, script);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a state file. */
    public FakeHost file(String name, String content) {
        try {
            Files.writeString(state.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String name) {
        try {
            Path p = state.resolve(name);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logged calls since the last {@link #clear}. */
    public List<String> calls() {
        try {
            return new ArrayList<>(Files.readAllLines(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        try {
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local test context whose PATH finds the fake tools first. */
    public TestContext context() {
        return TestContext.local().environment(Map.of("PATH", bin + ":" + System.getenv("PATH")));
    }
}
