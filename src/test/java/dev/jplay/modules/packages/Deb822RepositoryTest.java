package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Deb822RepositoryTest {
    @TempDir
    Path dir;
    FakeHost host;
    Deb822Repository module;
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        module = new Deb822Repository(dir.resolve("sources.list.d").toString(), dir.resolve("keyrings").toString());
        key = dir.resolve("docker.gpg.txt");
        Files.writeString(key, "-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----\n");
    }

    @Test
    void writesSourcesAndKeyThenIsIdempotent() throws Exception {
        Map<String, Object> args = Map.of("name", "Docker CE", "uris", "https://download.docker.com/linux/ubuntu",
                "suites", List.of("jammy"), "components", List.of("stable"), "architectures", "amd64",
                "signed_by", "file://" + key, "enabled", true);
        Map<String, Object> check = host.context().check(true).run(module, args);
        assertThat(check).containsEntry("changed", true);
        assertThat(dir.resolve("sources.list.d")).doesNotExist();
        Map<String, Object> r = host.context().run(module, args);
        Path keyring = dir.resolve("keyrings/docker-ce.asc");
        String expected = "Architectures: amd64\nComponents: stable\nEnabled: yes\nX-Repolib-Name: Docker CE\nSigned-By: " + keyring
                + "\nSuites: jammy\nTypes: deb\nURIs: https://download.docker.com/linux/ubuntu\n";
        assertThat(r).containsEntry("changed", true).containsEntry("repo", expected)
                .containsEntry("dest", dir.resolve("sources.list.d/docker-ce.sources").toString())
                .containsEntry("key_filename", keyring.toString());
        assertThat(dir.resolve("sources.list.d/docker-ce.sources")).hasContent(expected.strip());
        assertThat(keyring).hasSameTextualContentAs(key);
        assertThat(host.context().run(module, args)).containsEntry("changed", false);
        assertThat(host.context().run(module, Map.of("name", "Docker CE", "state", "absent"))).containsEntry("changed", true);
        assertThat(keyring).doesNotExist();
        assertThat(host.context().run(module, Map.of("name", "Docker CE", "state", "absent"))).containsEntry("changed", false);
    }

    @Test
    void inlineKeyIsIndented() throws Exception {
        Map<String, Object> r = host.context().run(module, Map.of("name", "x", "uris", "http://x", "suites", "s",
                "signed_by", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nabc\n-----END PGP PUBLIC KEY BLOCK-----"));
        assertThat((String) r.get("repo")).contains("Signed-By:\n    -----BEGIN PGP PUBLIC KEY BLOCK-----\n    .\n    abc\n");
    }
}
