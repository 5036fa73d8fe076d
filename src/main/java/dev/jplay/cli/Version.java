package dev.jplay.cli;

/** The version line, from the jar manifest. */
final class Version {
    private Version() {}

    static String text() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "jplay " + (v == null ? "dev" : v) + " (java " + System.getProperty("java.version") + ")";
    }
}
