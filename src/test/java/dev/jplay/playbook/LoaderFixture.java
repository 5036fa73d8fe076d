package dev.jplay.playbook;

import dev.jplay.modules.BuiltinModules;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.source.Decrypter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes playbook trees into a temp dir and loads them with the built-in modules plus copy/command stand-ins. */
final class LoaderFixture {
    final Path dir;
    final List<String> warnings = new ArrayList<>();

    LoaderFixture(Path dir) {
        this.dir = dir;
    }

    LoaderFixture file(String rel, String text) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and validates as the command line does before a run (every task counts as reached). */
    Playbook load(String rel) {
        PlaybookLoader loader = loader();
        Playbook pb = loader.load(dir.resolve(rel));
        Validation.check(List.of(pb), loader, Validation.Reach.ALL, warnings::add);
        return pb;
    }

    PlaybookLoader loader() {
        return new PlaybookLoader(registry(), List.of(), ImportRenderer.NONE, warnings::add, Decrypter.NONE);
    }

    /** Built-ins plus minimal copy and command specs (their real classes live in other module groups). */
    static ModuleRegistry registry() {
        List<Module> all = new ArrayList<>(BuiltinModules.all());
        all.add(stub(ModuleSpec.builder("copy").param(Param.of("src").path()).param(Param.of("dest").path().required())
                .param(Param.of("content").raw()).param(Param.of("mode").raw()).build()));
        all.add(stub(ModuleSpec.builder("command").freeForm("_raw_params").param(Param.of("_raw_params").str())
                .param(Param.of("creates").path()).param(Param.of("chdir").path()).build()));
        return new ModuleRegistry(all);
    }

    private static Module stub(ModuleSpec spec) {
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

    static List<Task> tasks(List<TaskNode> nodes) {
        List<Task> out = new ArrayList<>();
        for (TaskNode n : nodes) {
            if (n instanceof Task t) out.add(t);
            else if (n instanceof Block b) {
                out.addAll(tasks(b.block()));
                out.addAll(tasks(b.rescue()));
                out.addAll(tasks(b.always()));
            }
        }
        return out;
    }
}
