package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The package modules in check mode against this machine's real dpkg and apt (read-only: check mode only
 * simulates), compared with what ansible 2.14 returned for the same tasks on a Debian-family host.
 */
class RealHostCheckModeTest {
    @BeforeEach
    void debianOnly() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")) && Files.isExecutable(Path.of("/usr/bin/apt-get")),
                "needs a Debian-family host with dpkg and apt");
    }

    @Test
    void installedPackageIsUnchanged() throws Exception {
        Map<String, Object> r = TestContext.local().check(true).run(new Apt(), Map.of("name", "bash"));
        assertThat(r).containsEntry("changed", false).containsEntry("cache_updated", false).containsKey("cache_update_time");
    }

    @Test
    void unknownPackageFailsLikeAnsible() throws Exception {
        Map<String, Object> r = TestContext.local().check(true).run(new Apt(), Map.of("name", "nosuchpkg-jplay"));
        assertThat(r).containsEntry("failed", true).containsEntry("msg", "No package matching 'nosuchpkg-jplay' is available");
    }

    @Test
    void holdIsOnlyReported() throws Exception {
        Map<String, Object> r = TestContext.local().check(true).run(new DpkgSelections(), Map.of("name", "bash", "selection", "hold"));
        assertThat(r).containsEntry("changed", true).containsEntry("before", "install").containsEntry("after", "hold");
    }
}
