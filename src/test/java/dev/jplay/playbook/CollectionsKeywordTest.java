package dev.jplay.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.source.Decrypter;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code collections:} keyword of plays, blocks and tasks, and a role's own {@code meta/main.yml} collections. */
class CollectionsKeywordTest {
    @TempDir
    Path dir;

    /** A registry whose fallback knows my.coll.thing and my.coll.debug (found on demand, like collection modules). */
    private PlaybookLoader loader(LoaderFixture f) {
        ModuleRegistry reg = LoaderFixture.registry().withFallback(name -> switch (name) {
            case "my.coll.thing", "my.coll.debug" -> stub(name);
            default -> null;
        }, Set.of());
        return new PlaybookLoader(reg, List.of(), ImportRenderer.NONE, f.warnings::add, Decrypter.NONE);
    }

    @Test
    void shortNamesResolveInThePlaysCollectionsFirstThenTheBuiltins() {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", """
                - hosts: all
                  collections: [my.coll]
                  tasks:
                    - thing: {a: 1}
                    - debug: msg=x
                    - copy: {dest: /x, content: y}
                    - block:
                        - debug: msg=x
                      collections: [ansible.builtin]
                """);
        List<Task> tasks = LoaderFixture.tasks(loader(f).load(dir.resolve("p.yml")).plays().get(0).tasks());
        assertThat(tasks).extracting(Task::action).containsExactly("my.coll.thing", "my.coll.debug", "copy", "debug");
    }

    @Test
    void aRoleSearchesItsOwnMetaCollectionsNotThePlays() {
        LoaderFixture f = new LoaderFixture(dir)
                .file("roles/own/meta/main.yml", "collections: [my.coll]\n")
                .file("roles/own/tasks/main.yml", "- thing: {}\n")
                .file("roles/plain/tasks/main.yml", "- thing: {}\n")
                .file("ok.yml", "- hosts: all\n  roles: [own]\n")
                .file("bad.yml", "- hosts: all\n  collections: [my.coll]\n  roles: [plain]\n");
        List<Task> tasks = LoaderFixture.tasks(loader(f).load(dir.resolve("ok.yml")).plays().get(0).roles());
        assertThat(tasks).extracting(Task::action).containsExactly("my.coll.thing");
        PlaybookLoader loader = loader(f);
        Playbook bad = loader.load(dir.resolve("bad.yml"));
        assertThatThrownBy(() -> Validation.check(List.of(bad), loader, Validation.Reach.ALL, f.warnings::add))
                .isInstanceOf(SourceException.class).hasMessageContaining("couldn't resolve module/action 'thing'");
    }

    private static Module stub(String name) {
        ModuleSpec spec = ModuleSpec.builder(name).acceptsAnyArgs().build();
        return new Module() {
            @Override
            public ModuleSpec spec() {
                return spec;
            }

            @Override
            public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
                return ModuleResult.ok();
            }
        };
    }
}
