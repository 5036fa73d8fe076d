package dev.jplay.exec;

import dev.jplay.connection.Connections;
import dev.jplay.inventory.Inventory;
import dev.jplay.modules.BuiltinModules;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.output.Output;
import dev.jplay.playbook.ImportRenderer;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.source.Decrypter;
import dev.jplay.template.Templar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs playbook text against local-connection hosts in a temp dir (the inventory defines h1..hN with
 * {@code ansible_connection=local}), with a recorder as the only callback.
 */
final class Runs {
    final Path dir;
    final Recorder rec = new Recorder();
    Prompter prompter = Prompter.NONE;
    RunResult result;
    private Journal journal;
    private boolean resuming;
    /** Runs as {@code jplay plan} does. */
    boolean planning;

    Runs(Path dir) {
        this.dir = dir;
    }

    Runs file(String rel, String text) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Runs hosts(int n) {
        StringBuilder inv = new StringBuilder();
        for (int i = 1; i <= n; i++) inv.append("h").append(i).append(" ansible_connection=local\n");
        return file("hosts", inv.toString());
    }

    Runs run(String playbook) {
        return run(playbook, o -> o);
    }

    /**
     * The next runs record a journal in {@code .jplay/} ({@code resume}: continuing the journal the last run left,
     * as {@code --resume} does; else a fresh one).
     */
    Runs journal(boolean resume) {
        Path file = Journal.fileFor(List.of(dir.resolve("site.yml")));
        try {
            journal = resume ? Journal.load(file).resumedWith(Map.of()) : Journal.fresh(file, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resuming = resume;
        return this;
    }

    Runs run(String playbook, UnaryOperator<RunOptions> opts) {
        file("site.yml", playbook);
        if (!Files.exists(dir.resolve("hosts"))) hosts(1);
        Inventory inv = Inventory.load(List.of(dir.resolve("hosts").toString()), dir, w -> { }, Decrypter.NONE);
        ModuleRegistry reg = new ModuleRegistry(BuiltinModules.all());
        Templar templar = new Templar();
        PlaybookLoader loader = new PlaybookLoader(reg, List.of(), ImportRenderer.NONE, w -> { }, Decrypter.NONE);
        Playbook pb = loader.load(dir.resolve("site.yml"));
        RunOptions o = opts.apply(RunOptions.defaults());
        try (Connections c = new Connections()) {
            PlaybookRunner runner = new PlaybookRunner(o, inv, new Output(List.of(rec)), c, reg, templar, prompter, Decrypter.NONE)
                    .journalling(journal, resuming);
            result = (planning ? runner.planning(new Planner()) : runner).run(pb, loader);
        }
        if (journal != null) journal.finished(result.exitCode());
        return this;
    }

    /** Recap counters of a host as "ok changed unreachable failed skipped rescued ignored". */
    String recap(String host) {
        var s = result.stats().get(host);
        return s.ok() + " " + s.changed() + " " + s.unreachable() + " " + s.failed() + " " + s.skipped() + " " + s.rescued() + " " + s.ignored();
    }

    Map<String, Object> res(String banner, String host) {
        return rec.result(banner, host);
    }
}
