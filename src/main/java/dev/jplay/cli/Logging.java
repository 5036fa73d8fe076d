package dev.jplay.cli;

/**
 * Library logging (slf4j-simple) before the first logger exists: quiet, since sshj reports every connection and
 * prints stack traces for errors jplay reports itself. What {@code -v} to {@code -vvvv} show comes from jplay's own
 * events (connections, commands, arguments, timings); the SSH library's debug log, hundreds of lines per
 * connection, only with {@code -vvvvvv}.
 */
final class Logging {
    /** The verbosity that turns on the libraries' debug logs. */
    static final int LIBRARY_DEBUG = 6;

    private Logging() {}

    static void configure(String[] args) {
        int verbosity = 0;
        for (String a : args) {
            if (a.matches("-v+")) verbosity += a.length() - 1;
            else if (a.equals("--verbose")) verbosity++;
        }
        boolean debug = verbosity >= LIBRARY_DEBUG;
        set("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        set("org.slf4j.simpleLogger.log.net.schmizz", debug ? "debug" : "off");
        set("org.slf4j.simpleLogger.log.com.hierynomus", debug ? "debug" : "off");
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        set("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
