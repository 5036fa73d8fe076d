package dev.jplay.cli;

import dev.jplay.exec.PlaybookRunner;
import dev.jplay.exec.RunResult;
import dev.jplay.exec.Selection;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.playbook.TagSelection;
import dev.jplay.output.Event;
import dev.jplay.playbook.Validation;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay [options] PLAYBOOK...}: runs playbooks like ansible-playbook. */
@Command(name = "jplay", sortOptions = false, usageHelpAutoWidth = true, customSynopsis = "jplay [options] PLAYBOOK...",
        description = "Runs Ansible playbooks over SSH, in parallel, without Python on the hosts.",
        footer = {"", "Other commands: jplay plan | adhoc | console | doc | inventory | config | vault  (jplay COMMAND --help).",
                "A command word is a command only as the first argument: 'jplay -i inventory site.yml' runs site.yml with "
                        + "the inventory file 'inventory'. To run a playbook file named like a command, write it as a path: jplay ./doc"})
public final class PlaybookCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PLAYBOOK", arity = "0..*", description = "Playbook(s) to run, in order.")
    List<Path> playbooks = new ArrayList<>();

    @Mixin
    ConnectionOptions conn = new ConnectionOptions();

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "Only run plays and tasks tagged with these values.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "SKIP_TAGS", split = ",", description = "Only run plays and tasks whose tags do not match.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--list-hosts", description = "Outputs a list of matching hosts; does not execute anything else.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List all tasks that would be executed.")
    boolean listTasks;

    @Option(names = "--list-tags", description = "List all available tags.")
    boolean listTags;

    @Option(names = "--syntax-check", description = "Perform a syntax check on the playbook, but do not execute it.")
    boolean syntaxCheck;

    @Option(names = "--start-at-task", paramLabel = "START_AT_TASK", description = "Start the playbook at the task matching this name.")
    String startAtTask;

    @Option(names = "--step", description = "One-step-at-a-time: confirm each task before running.")
    boolean step;

    @Option(names = "--resume", arity = "0..1", paramLabel = "force", parameterConsumer = Resumption.Flag.class,
            description = {"Continue the last run of these playbooks that failed or was interrupted, from where each host "
                    + "stopped: its pending handlers run first, the tasks it completed are skipped (tasks that register or "
                    + "set variables run again). Refused when the playbooks' files, the inventory or --tags/--skip-tags "
                    + "changed since, unless --resume=force. The journal is in .jplay/ beside the first playbook "
                    + "(docs/resume.md)."})
    String resume;

    @Option(names = "--force-handlers", description = "Run handlers even if a task fails.")
    boolean forceHandlers;

    @Option(names = "--flush-cache", description = "Clear the fact cache for every host in inventory.")
    boolean flushCache;

    @Option(names = "--json", description = "Print events as JSON lines instead of the default output (for CI).")
    boolean json;

    @Option(names = "--profile", description = "Print a per-task timing summary after the recap (like profile_tasks).")
    boolean profile;

    @Option(names = "--version", description = "Show program's version number and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (version) {
            System.out.println(Version.text());
            return ExitCodes.OK;
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> dirs = playbookDirs(playbooks, cwd);
        Options.check(conn);
        boolean runs = !(syntaxCheck || listHosts || listTasks || listTags);
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode(json ? "jsonl" : null, profile, runs), dirs)) {
            PlaybookLoader loader = w.loader();
            List<Playbook> loaded = new ArrayList<>();
            for (Path p : playbooks) loaded.add(loader.load(cwd.resolve(p)));
            w.orderRoleLibraries(loaded);
            Consumer<String> warn = m -> w.output().on(new Event.Warning(m));
            if (syntaxCheck) {
                Validation.syntax(loaded, loader, warn);
                for (Path p : playbooks) System.out.println("\nplaybook: " + p);
                return ExitCodes.OK;
            }
            TagSelection sel = new TagSelection(tagSet(tags, "all"), tagSet(skipTags, null));
            if (listHosts || listTasks || listTags) {
                for (int i = 0; i < loaded.size(); i++) {
                    System.out.print(Listings.render(playbooks.get(i).toString(), loaded.get(i), w.inventory(), conn.limit, sel,
                            new Listings.What(listHosts, listTasks, listTags), w::renderPlayLevel));
                }
                return ExitCodes.OK;
            }
            Targets targets = new Targets(w, conn.limit);
            targets.checkLimit();
            targets.checkHostVariables(loaded);
            Validation.check(loaded, loader, new Validation.Reach(sel, startAtTask, targets::hasHosts), warn);
            Resumption.Start journal = Resumption.begin(new Resumption.Request(resume, loaded, w.inventorySources(), cwd, sel,
                    conn.limit, conn.check, startAtTask), w.output());
            if (journal.exit() != null) return journal.exit();
            int code = ExitCodes.OK;
            dev.jplay.exec.Prompter prompter = TerminalPrompter.ofTerminal();
            for (Playbook pb : loaded) {
                Selection selection = new Selection(sel.only(), sel.skip(), conn.limit, startAtTask, step);
                PlaybookRunner runner = w.runner(w.options(selection, forceHandlers, flushCache, pb.file().getParent()), w.output(), prompter)
                        .journalling(journal.journal(), journal.resuming());
                RunResult r = runner.run(pb, loader);
                code = r.exitCode();
                if (code != 0) break;
            }
            Resumption.end(journal, code, w.output());
            return code;
        } catch (SourceException e) {
            System.err.println(e.render());
            return ExitCodes.of(e);
        }
    }

    /** The directories of the playbooks to run (a missing one is Ansible's error, exit 1). */
    static List<Path> playbookDirs(List<Path> playbooks, Path cwd) {
        if (playbooks.isEmpty()) throw new UsageError("the following arguments are required: playbook");
        return playbooks.stream().map(p -> PlaybookLoader.playbookFile(p, cwd).getParent()).distinct().toList();
    }

    static Set<String> tagSet(List<String> values, String fallback) {
        Set<String> s = new LinkedHashSet<>();
        for (String v : values) if (!v.isBlank()) s.add(v.strip());
        if (s.isEmpty() && fallback != null) s.add(fallback);
        return s;
    }

    /** A usage mistake picocli cannot see (e.g. no playbook given): exit code 2 with the usage line. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
