package dev.jplay.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jplay config dump [--only-changed]} and {@code jplay config view}, like ansible-config. */
@Command(name = "config", customSynopsis = "jplay config [dump|view] [options]", description = "Show the configuration in effect (ansible.cfg and ANSIBLE_* variables).",
        subcommands = {ConfigCommand.Dump.class, ConfigCommand.View.class})
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    PrintStream out = System.out;
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();

    @Override
    public Integer call() {
        out.println("usage: jplay config {dump,view} [--only-changed]");
        return ExitCodes.FAILED;
    }

    AnsibleConfig config() {
        return AnsibleConfig.load(env, cwd, Path.of(System.getProperty("user.home")));
    }

    /** {@code dump}: every setting jplay uses with its value and origin. */
    @Command(name = "dump", description = "Show the settings jplay uses, their values and where they came from.")
    static final class Dump implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ConfigCommand parent;

        @Option(names = "--only-changed", description = "Only settings not at their default.")
        boolean onlyChanged;

        @Override
        public Integer call() {
            parent.config().dump(onlyChanged).forEach(parent.out::println);
            return ExitCodes.OK;
        }
    }

    /** {@code view}: the configuration file in use. */
    @Command(name = "view", description = "Show the configuration file in use.")
    static final class View implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() throws IOException {
            Path f = parent.config().file();
            if (f == null) {
                parent.out.println("No config file found; using defaults");
                return ExitCodes.OK;
            }
            parent.out.print(Files.readString(f));
            return ExitCodes.OK;
        }
    }
}
