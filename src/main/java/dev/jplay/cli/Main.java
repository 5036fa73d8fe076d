package dev.jplay.cli;

/** Entry point. Answers {@code --version} before loading picocli, so that check starts in tens of milliseconds. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(Version.text());
            return;
        }
        Logging.configure(args);
        System.exit(Cli.run(args));
    }
}
