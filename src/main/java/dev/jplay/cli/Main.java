package dev.jplay.cli;

/**
 * Entry point. Answers {@code --version} before loading picocli, so that check starts in tens of milliseconds.
 * Anything thrown that no command handled (a bug: an Error such as a stack overflow, or a failure in another
 * thread) is reported by {@link CrashLog}: one line on stderr, exit 250.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(Version.text());
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Runtime.getRuntime().halt(CrashLog.report(e, args, new java.io.PrintWriter(System.err, true))));
        Logging.configure(args);
        int code;
        try {
            code = Cli.run(args);
        } catch (Throwable t) { // NOPMD: the last line of defence, see the class comment
            code = CrashLog.report(t, args, new java.io.PrintWriter(System.err, true));
        }
        System.exit(code);
    }
}
