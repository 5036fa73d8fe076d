package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password files (--become-password-file): the first line of a file, or what an executable prints. */
class SecretsTest {
    @TempDir
    Path tmp;

    private Path script(String body) throws Exception {
        Path s = Files.writeString(tmp.resolve("pw.sh"), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void fileGivesItsFirstLineAndAScriptItsOutput() throws Exception {
        assertThat(Secrets.fromFile(Files.writeString(tmp.resolve("pw"), "s3cret \nsecond line\n")).reveal()).isEqualTo("s3cret ");
        assertThat(Secrets.fromFile(script("echo '  from script  '")).reveal()).isEqualTo("from script");
    }

    @Test
    void aFailingScriptIsNamedWithItsExitCodeAndNothingItPrinted() throws Exception {
        Path s = script("echo leaked; exit 3");
        assertThatThrownBy(() -> Secrets.fromFile(s))
                .hasMessage("password script " + s.toAbsolutePath() + " returned non-zero (3)");
    }
}
