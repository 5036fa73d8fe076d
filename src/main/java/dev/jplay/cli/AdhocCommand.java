package dev.jplay.cli;

import dev.jplay.inventory.Host;
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
@Command(name = "adhoc", sortOptions = false, description = "Run one module on the hosts matching a pattern (like 'ansible').")
public final class AdhocCommand implements Callable<Integer> {
    private static final Set<String> REQUIRE_ARGS = Set.of("command", "shell", "raw", "script");

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

    @Option(names = "--list-hosts", description = "List the matching hosts and exit.")
    boolean listHosts;

    @Option(names = {"-B", "--background"}, paramLabel = "SECONDS", hidden = true, description = "Accepted; runs synchronously.")
    Integer background;

    @Option(names = {"-P", "--poll"}, paramLabel = "POLL_INTERVAL", hidden = true, description = "Accepted; runs synchronously.")
    Integer poll;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        if (REQUIRE_ARGS.contains(module) && (args == null || args.isBlank())) {
            System.err.println("ERROR! No argument passed to " + module + " module"
                    + (pattern.endsWith(".yml") ? " (did you mean to run jplay " + pattern + "?)" : ""));
            return ExitCodes.BAD_OPTIONS;
        }
        Path cwd = Path.of("").toAbsolutePath();
        try (Wiring w = Wiring.create(conn, cwd, new Wiring.OutputMode(oneLine ? "oneline" : "minimal", false), List.of())) {
            if (listHosts) {
                List<Host> hosts = w.inventory().select(pattern, x -> { });
                System.out.println("  hosts (" + hosts.size() + "):");
                hosts.forEach(h -> System.out.println("    " + h.name()));
                return ExitCodes.OK;
            }
            Playbook pb = w.loader().adhoc(pattern, module, args, cwd);
            return w.runner(w.options(Set.of("all"), Set.of(), null, false, false, cwd)).run(pb, w.loader()).exitCode();
        } catch (SourceException e) {
            System.err.println(e.render());
            return ExitCodes.UNREACHABLE_OR_PARSE;
        }
    }
}
