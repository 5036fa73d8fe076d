package dev.jplay.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.source.Decrypter;
import dev.jplay.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TRANSFORM_INVALID_GROUP_CHARS as ansible 2.14 applies it (`ansible-inventory --graph`, warnings, -vvvv notes). */
class GroupNamesTest {
    static final String INI = "[local-]\nh1\n[par.ent:children]\nlocal-\n[1st]\nh2\n[ok_name]\nh3\n";
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    private Inventory load(String mode) throws IOException {
        Files.writeString(dir.resolve("hosts"), INI);
        return Inventory.load(List.of("hosts"), dir, new Inventory.Setup(warnings::add, (l, m) -> notes.add(l + " " + m),
                List.of("ini"), mode), Decrypter.NONE);
    }

    @Test
    void neverKeepsTheNamesAndWarnsOnce() throws IOException {
        Inventory inv = load("never");
        assertThat(inv.group("par.ent").children()).containsExactly("local-");
        assertThat(inv.groupNames(inv.host("h1"))).containsExactly("local-", "par.ent");
        assertThat(warnings).containsOnly("Invalid characters were found in group names but not replaced, use -vvvv to see details");
        assertThat(notes).contains("4 Not replacing invalid character(s) \"{'-'}\" in group name (local-)",
                "4 Not replacing invalid character(s) \"{'1'}\" in group name (1st)");
    }

    @Test
    void alwaysReplacesEachInvalidCharacter() throws IOException {
        Inventory inv = load("always");
        assertThat(inv.group("local-")).isNull();
        assertThat(inv.group("par_ent").children()).containsExactly("local_");
        assertThat(inv.groupNames(inv.host("h2"))).containsExactly("_st");
        assertThat(warnings).containsOnly("Invalid characters were found in group names and automatically replaced, use -vvvv to see details");
    }

    @Test
    void silentlyAndIgnoreSayNothing() throws IOException {
        assertThat(load("silently").group("local_")).isNotNull();
        assertThat(load("ignore").group("local-")).isNotNull();
        assertThat(warnings).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void groupsAddedWhileAPlayRunsAreTransformedToo() throws IOException {
        Inventory inv = load("always");
        inv.addToGroup("h3", "by-os", List.of("all", "os-family"));
        assertThat(inv.groupNames(inv.host("h3"))).containsExactly("by_os", "ok_name", "os_family");
        assertThat(inv.group("os_family").children()).containsExactly("by_os");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> load("sometimes")).isInstanceOf(SourceException.class).hasMessageContaining("TRANSFORM_INVALID_GROUP_CHARS");
    }
}
