package dev.jplay.cli;

import dev.jplay.source.SourceException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the command for a command line and runs it; maps errors to ansible-playbook's exit codes.
 *
 * <p>A command word ({@code adhoc}, {@code plan}, {@code config}, {@code console}, {@code doc}, {@code inventory}, {@code vault}) is a
 * command only as the first argument: everywhere else a word is what ansible-playbook would take it for, so
 * {@code jplay -i inventory site.yml} and {@code jplay -i hosts inventory} run a playbook. A playbook file named like a
 * command runs when written as a path ({@code jplay ./inventory}). Only the command named is built (picocli reflects
 * over a command's annotations when it is built), which keeps a playbook run or --syntax-check quick to start.
 */
final class Cli {
    private Cli() {}

    /** The commands besides running playbooks, by their word. */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("adhoc", AdhocCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("config", ConfigCommand::new);
        m.put("console", ConsoleCommand::new);
        m.put("doc", DocCommand::new);
        m.put("inventory", InventoryCommand::new);
        m.put("vault", VaultCommand::new);
        return m;
    }

    static int run(String[] args) {
        boolean command = args.length > 0 && COMMANDS.containsKey(args[0]);
        Object target = command ? COMMANDS.get(args[0]).get() : new PlaybookCommand();
        String[] rest = command ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (!command || args[0].equals("adhoc") || args[0].equals("plan")) Interrupts.install();
        CommandLine cl = new CommandLine(target);
        if (command) cl.setCommandName("jplay " + args[0]);
        cl.setExpandAtFiles(false); // -e @vars.yml and -l @retry_file are Ansible's, not picocli argument files
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd, args));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("usage: " + synopsis(c) + "\n" + name + ": error: " + ex.getMessage()
                    + "\n(" + name + " --help lists the options)");
            return ExitCodes.FAILED;
        });
        return cl.execute(rest);
    }

    private static int handle(Exception ex, CommandLine cmd, String[] args) {
        if (ex instanceof PlaybookCommand.UsageError u) {
            cmd.getErr().println("usage: " + synopsis(cmd) + "\njplay: error: " + u.getMessage());
            return ExitCodes.FAILED;
        }
        if (ex instanceof SourceException se) {
            cmd.getErr().println(se.render());
            return ExitCodes.of(se);
        }
        if (ex instanceof IllegalArgumentException ia && ia.getMessage() != null) { // a bad value named in its message
            cmd.getErr().println("ERROR! " + ia.getMessage());
            return ExitCodes.ERROR;
        }
        return CrashLog.report(ex, args, cmd.getErr());
    }

    /** A command's one-line synopsis (each command declares its own), as argparse prints it before an error. */
    static String synopsis(CommandLine c) {
        String[] custom = c.getCommandSpec().usageMessage().customSynopsis();
        return custom.length > 0 ? custom[0] : c.getCommandSpec().qualifiedName() + " [options]";
    }
}
