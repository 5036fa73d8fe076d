package dev.jplay.cli;

import dev.jplay.exec.Planner;
import dev.jplay.exec.Prompter;
import dev.jplay.exec.Selection;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.playbook.TagSelection;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay plan PLAYBOOK...}: what a run would change on the hosts, found without changing anything. */
@Command(name = "plan", sortOptions = false, usageHelpAutoWidth = true, customSynopsis = "jplay plan [options] PLAYBOOK...",
        description = {"Shows what running the playbooks would change, without changing anything: the hosts are only read "
                + "(every task runs in check mode, check_mode: false ones too). Per task and host: ok, changed (with the diff), "
                + "skipped, or unknown when check mode cannot tell (a command/shell/raw/script task, shown with the command "
                + "line it would run; a condition or value that depends on the result of a changed or unknown task; a failure "
                + "after a change on the same host; a handler notified only by unknown tasks). Then a table of hosts by "
                + "changed and unknown tasks. See docs/plan.md."},
        footer = {"", "Exit status: 0 nothing would change, 2 changes pending, 1 a task failed or an error, 4 a host unreachable "
                + "or a parse error, 5 bad options."})
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PLAYBOOK", arity = "0..*", description = "Playbook(s) to plan, in order.")
    List<Path> playbooks = new ArrayList<>();

    @Mixin
    ConnectionOptions conn = new ConnectionOptions();

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "Only plan plays and tasks tagged with these values.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "SKIP_TAGS", split = ",", description = "Only plan plays and tasks whose tags do not match.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--json", description = "Print events as JSON lines (docs/events.md), with a plan event per task and host and a plan_summary.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> dirs = PlaybookCommand.playbookDirs(playbooks, cwd);
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode(json ? "jsonl" : "plan", false), dirs)) {
            PlaybookLoader loader = w.loader();
            List<Playbook> loaded = new ArrayList<>();
            for (Path p : playbooks) loaded.add(loader.load(cwd.resolve(p)));
            w.orderRoleLibraries(loaded);
            TagSelection sel = new TagSelection(PlaybookCommand.tagSet(tags, "all"), PlaybookCommand.tagSet(skipTags, null));
            int code = ExitCodes.OK;
            for (Playbook pb : loaded) {
                var options = w.options(new Selection(sel.only(), sel.skip(), conn.limit, null, false), false, false, pb.file().getParent());
                int c = w.runner(options, w.output(), Prompter.NONE).planning(new Planner()).run(pb, loader).exitCode();
                if (c != ExitCodes.OK && c != 2) return c;
                code = Math.max(code, c);
            }
            return code;
        } catch (SourceException e) {
            System.err.println(e.render());
            int code = ExitCodes.of(e);
            return code == ExitCodes.FAILED ? ExitCodes.ERROR : code; // a plan's 2 means changes pending
        }
    }
}
