package dev.jplay.cli;

import dev.jplay.source.SourceException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the picocli command tree and runs it; maps errors to ansible-playbook's exit codes. */
final class Cli {
    private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
            Map.entry("adhoc", AdhocCommand::new),
            Map.entry("plan", PlanCommand::new),
            Map.entry("config", ConfigCommand::new),
            Map.entry("inventory", InventoryCommand::new),
            Map.entry("doc", DocCommand::new),
            Map.entry("console", ConsoleCommand::new),
            Map.entry("vault", VaultCommand::new));

    private Cli() {}

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new PlaybookCommand());
        cl.setExpandAtFiles(false); // -e @vars.yml and -l @retry_file are Ansible's, not picocli argument files
        cl.setAllowSubcommandsAsOptionParameters(true); // -i inventory: a file named like a subcommand
        // picocli reflects over a command's annotations when it is added: add only the subcommands the arguments
        // name (all of them for --help), which keeps a playbook run or --syntax-check from building five models
        List<String> words = Arrays.asList(args);
        boolean help = words.contains("-h") || words.contains("--help");
        for (var sub : SUBCOMMANDS) {
            if (help || words.contains(sub.getKey())) cl.addSubcommand(sub.getKey(), sub.getValue().get());
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof PlaybookCommand.UsageError u) {
                cmd.getErr().println("usage: " + synopsis(cmd) + "\njplay: error: " + u.getMessage());
                return ExitCodes.FAILED;
            }
            if (ex instanceof SourceException se) {
                cmd.getErr().println(se.render());
                return ExitCodes.UNREACHABLE_OR_PARSE;
            }
            if (ex instanceof IllegalArgumentException ia) {
                cmd.getErr().println("ERROR! " + ia.getMessage());
                return ExitCodes.BAD_OPTIONS;
            }
            cmd.getErr().println("ERROR! Unexpected Exception, this is probably a bug: " + ex);
            if (System.getenv("JPLAY_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("to see the full traceback, set JPLAY_DEBUG=1");
            return ExitCodes.UNEXPECTED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("usage: " + synopsis(c) + "\n" + name + ": error: " + ex.getMessage()
                    + "\n(" + name + " --help lists the options)");
            return ExitCodes.FAILED;
        });
        return cl.execute(args);
    }

    /** A command's one-line synopsis (each command declares its own), as argparse prints it before an error. */
    static String synopsis(CommandLine c) {
        String[] custom = c.getCommandSpec().usageMessage().customSynopsis();
        return custom.length > 0 ? custom[0] : c.getCommandSpec().qualifiedName() + " [options]";
    }
}
