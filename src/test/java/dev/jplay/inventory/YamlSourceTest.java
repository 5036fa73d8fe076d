package dev.jplay.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Decrypter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML inventories read as ansible-inventory 2.14 reads them. */
class YamlSourceTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private Inventory load(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return Inventory.load(List.of(dir.resolve(name).toString()), dir, warnings::add, Decrypter.NONE);
    }

    @Test
    void aHostWrittenAsANumberIsRefusedAsAnsibleDoes() throws IOException {
        // the source is skipped with a warning (ansible-inventory exits 0 with only the implicit localhost)
        Inventory inv = load("int.yml", "all:\n  children:\n    kids:\n      hosts:\n        1234: {}\n        \"5678\":\n");
        assertThat(inv.hosts()).isEmpty();
        assertThat(warnings).anyMatch(w -> w.contains("Host pattern 1234 must be a string. Enclose integers/floats in quotation marks.")
                && w.contains("int.yml:5:9"));
    }

    @Test
    void aQuotedNumberIsAHostName() throws IOException {
        Inventory inv = load("str.yml", "all:\n  hosts:\n    \"1234\":\n    '1.5':\n");
        assertThat(inv.hosts().stream().map(Host::name)).containsExactly("1234", "1.5");
        assertThat(warnings).isEmpty();
    }
}
