package dev.jplay.cli;

/**
 * Library logging (slf4j-simple) before the first logger exists: quiet by default, since sshj reports every
 * connection and prints stack traces for errors jplay reports itself; {@code -vvvv} turns it up to debug.
 */
final class Logging {
    private Logging() {}

    static void configure(String[] args) {
        boolean debug = false;
        for (String a : args) {
            if (a.matches("-v{4,}")) debug = true;
        }
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
