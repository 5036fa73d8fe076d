package dev.jplay.cli;

import org.jline.utils.Signals;

/**
 * Ctrl-C (SIGINT) stops a run the way it stops ansible-playbook: exit 99, at once, whatever the run is doing. The
 * JVM's shutdown gets two seconds (the run's shutdown hook says "ERROR! User interrupted execution" and kills what
 * runs on the hosts, see {@link Wiring}); after that the process halts. SIGTERM keeps the JVM's default (exit 143,
 * as ansible-playbook, which has no handler for it). Not installed for the console, whose line editor handles Ctrl-C
 * itself.
 */
final class Interrupts {
    private Interrupts() {}

    static void install() {
        // through JLine's reflective wrapper of sun.misc.Signal (javac warns on direct use, and warnings are errors); where
        // there is no SIGINT (a JVM started with -Xrs) it does nothing and the default applies
        Signals.register("INT", Interrupts::interrupted);
    }

    private static void interrupted() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "jplay-interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(ExitCodes.INTERRUPTED);
    }
}
