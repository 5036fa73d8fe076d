package dev.jplay.cli;

/** Builds the picocli command tree and runs it; returns the process exit code. */
final class Cli {
    private Cli() {}

    static int run(String[] args) {
        System.err.println("jplay: not implemented yet");
        return 250;
    }
}
