package dev.jplay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (root, a tool). Outside CI a missing need skips the test with the reason; in
 * CI ({@code CI=true}, where {@code ./test} runs as root and installs every tool the tests use) it fails the test
 * with the reason: CI skips nothing.
 */
public final class Needs {
    private Needs() {
    }

    /** Skips (outside CI) or fails (in CI) the test with {@code reason} unless {@code present}. */
    public static void that(boolean present, String reason) {
        if (present) return;
        if ("true".equals(System.getenv("CI"))) fail("CI=true and this test " + reason);
        Assumptions.assumeTrue(false, reason);
    }

    /** The test runs as root ({@code reason}: what needs it). */
    public static void root(String reason) {
        that("root".equals(System.getProperty("user.name")), reason);
    }

    /** The file {@code path} is executable. */
    public static void executable(String path, String reason) {
        that(Files.isExecutable(Path.of(path)), reason);
    }
}
