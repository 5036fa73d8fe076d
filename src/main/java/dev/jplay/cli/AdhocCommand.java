package dev.jplay.cli;

import dev.jplay.exec.Selection;
import dev.jplay.inventory.Host;
import dev.jplay.output.Event;
import dev.jplay.playbook.Playbook;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay adhoc PATTERN -m MODULE -a ARGS}: one module on a host pattern, like the {@code ansible} command. */
@Command(name = "adhoc", sortOptions = false, customSynopsis = "jplay adhoc [options] PATTERN",
        description = "Run one module on the hosts matching a pattern (like 'ansible').")
public final class AdhocCommand implements Callable<Integer> {
    private static final Set<String> REQUIRE_ARGS = Set.of("command", "shell", "raw", "script", "win_command", "win_shell",
            "ansible.builtin.command", "ansible.builtin.shell", "ansible.builtin.raw", "ansible.builtin.script");
    private static final Set<String> NOT_ADHOC = Set.of("import_playbook", "ansible.builtin.import_playbook");

    @Parameters(index = "0", paramLabel = "PATTERN", description = "Host pattern, e.g. all, web, 'k8s:!master'.")
    String pattern;

    @Mixin
    ConnectionOptions conn = new ConnectionOptions();

    @Option(names = {"-m", "--module-name"}, paramLabel = "MODULE_NAME", defaultValue = "command",
            description = "Module to execute (default: command).")
    String module;

    @Option(names = {"-a", "--args"}, paramLabel = "MODULE_ARGS", description = "Module arguments: k=v pairs, free form, or JSON.")
    String args;

    @Option(names = {"-o", "--one-line"}, description = "Condense output to one line per host.")
    boolean oneLine;

    @Option(names = "--grouped", description = "Show hosts with identical results once: 'h2, h3 (2) | CHANGED | rc=0 >>'.")
    boolean grouped;

    @Option(names = {"-t", "--tree"}, paramLabel = "TREE", description = "Write each host's result as JSON to TREE/HOST.")
    Path tree;

    @Option(names = "--list-hosts", description = "List the matching hosts and exit.")
    boolean listHosts;

    @Option(names = {"-B", "--background"}, paramLabel = "SECONDS", description = "Run asynchronously, failing after SECONDS (the task's async).")
    Integer background;

    @Option(names = {"-P", "--poll"}, paramLabel = "POLL_INTERVAL", description = "Poll interval with -B (default 15).")
    Integer poll;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        Path cwd = Path.of("").toAbsolutePath();
        String mode = oneLine ? "oneline" : Wiring.OutputMode.ADHOC;
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode(mode, false, !listHosts, grouped, tree == null ? null : cwd.resolve(tree)), List.of())) {
            List<Host> hosts;
            try {
                hosts = HostSelection.select(w.inventory(), pattern, conn.limit, m -> w.output().on(new Event.Warning(m)));
            } catch (HostSelection.NoHosts e) {
                if (conn.limit != null) {
                    System.err.println("ERROR! " + e.getMessage());
                    return ExitCodes.ERROR;
                }
                w.output().on(new Event.Warning("No hosts matched, nothing to do"));
                hosts = List.of();
            }
            if (listHosts) {
                System.out.println("  hosts (" + hosts.size() + "):");
                hosts.forEach(h -> System.out.println("    " + h.name()));
                return ExitCodes.OK;
            }
            String refused = refused();
            if (refused != null) {
                System.err.println("ERROR! " + refused);
                return ExitCodes.BAD_OPTIONS;
            }
            if (hosts.isEmpty()) return ExitCodes.OK;
            Playbook pb = w.loader().adhoc(pattern, module, args, cwd, async());
            return w.runner(w.options(Selection.ALL.withLimit(conn.limit), false, false, cwd)).run(pb, w.loader()).exitCode();
        } catch (SourceException e) {
            System.err.println(e.render());
            return ExitCodes.of(e);
        }
    }

    /** Why this command line cannot run (Ansible's option errors), or null. */
    private String refused() {
        if (REQUIRE_ARGS.contains(module) && (args == null || args.isBlank())) {
            return "No argument passed to " + module + " module" + (pattern.endsWith(".yml") ? " (did you mean to run jplay " + pattern + "?)" : "");
        }
        if (NOT_ADHOC.contains(module)) return "'" + module + "' is not a valid action for ad-hoc commands";
        return null;
    }

    /** The task's {@code async} and {@code poll} from -B and -P, as ansible sets them. */
    private java.util.Map<String, Object> async() {
        if (background == null || background <= 0) return java.util.Map.of();
        return java.util.Map.of("async", (long) background, "poll", (long) (poll == null ? 15 : poll));
    }
}
