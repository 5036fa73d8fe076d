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

class AptKeyTest {
    @TempDir
    Path dir;
    FakeHost host;
    final AptKey module = new AptKey();

    @BeforeEach
    void setUp() {
        host = new FakeHost(dir).file("keys", "");
        host.tool("gpg", "cat > /dev/null; echo 'pub:-:4096:1:9DC858229FC7DD38:1501022412:::-:'");
        host.tool("apt-key", """
                [ "$1" = --keyring ] && shift 2
                case "$1" in
                  adv) [ "$2" = --list-public-keys ] && while read -r k; do echo "pub   rsa4096/$k 2017-07-26 [SCEA]"; done < $S/keys
                       [ "$3" = --keyserver ] && echo "$6" >> $S/keys; true;;
                  add) cat ${2:+"$2"} > /dev/null; echo 9DC858229FC7DD38 >> $S/keys; echo OK;;
                  del) grep -v "$2\\$" $S/keys > $S/k.new; mv $S/k.new $S/keys; echo OK;;
                esac""");
    }

    @Test
    void addsKeyFromFileOnce() throws Exception {
        Path key = dir.resolve("key.asc");
        Files.writeString(key, "-----BEGIN PGP PUBLIC KEY BLOCK-----\n");
        Map<String, Object> r = host.context().run(module, Map.of("file", key.toString()));
        assertThat(r).containsEntry("changed", true).containsEntry("id", "9DC858229FC7DD38").containsEntry("short_id", "9FC7DD38")
                .containsEntry("fp", "9DC858229FC7DD38").containsEntry("before", List.of()).containsEntry("after", List.of("9DC858229FC7DD38"));
        assertThat(host.calls()).contains("apt-key add " + key);
        assertThat(host.context().run(module, Map.of("file", key.toString()))).containsEntry("changed", false);
    }

    @Test
    void idGivenCheckModeAndRemoval() throws Exception {
        assertThat(host.context().check(true).run(module, Map.of("id", "0x9FC7DD38", "keyserver", "keyserver.ubuntu.com")))
                .containsEntry("changed", true);
        assertThat(host.read("keys")).isEmpty();
        assertThat(host.context().run(module, Map.of("id", "9DC858229FC7DD38", "data", "KEYDATA"))).containsEntry("changed", true);
        Map<String, Object> del = host.context().run(module, Map.of("id", "9FC7DD38", "state", "absent"));
        assertThat(del).containsEntry("changed", true).containsEntry("after", List.of());
        assertThat(host.calls()).contains("apt-key del 9FC7DD38");
        assertThat(host.context().run(module, Map.of("id", "9FC7DD38", "state", "absent"))).containsEntry("changed", false);
        assertThat(host.context().run(module, Map.of("id", "xyz"))).containsEntry("msg", "Invalid key_id");
    }
}
