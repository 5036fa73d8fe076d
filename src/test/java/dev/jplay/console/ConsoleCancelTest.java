package dev.jplay.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.ModuleSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ctrl-C on a console command, with a runner whose commands end only when cancelled (as a remote command does when
 * its process is killed) and a terminal whose INT signal the test raises. The lab test (ConsoleTest) shows the same
 * through a pseudo-terminal on real hosts; here the order of the cancel and the command's end is the test's to pick.
 */
class ConsoleCancelTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Terminal terminal;

    @BeforeEach
    void terminal() throws Exception {
        terminal = TerminalBuilder.builder().system(false).streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .type("dumb").build();
    }

    @AfterEach
    void close() throws Exception {
        terminal.close();
    }

    /** Runs one command that ends when cancelled; {@code ctrlC} presses Ctrl-C once it has started. */
    private final class EndsWhenCancelled implements Runner {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch killed = new CountDownLatch(1);
        final CountDownLatch consoleMovedOn = new CountDownLatch(1);
        final Thread console = Thread.currentThread();
        volatile int cancels;

        @Override
        public Outcome run(Command command, Settings settings) {
            started.countDown();
            try {
                killed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a killed command fails on its host; its output is muted by the cancel
            return new Outcome(2, List.of("h1"));
        }

        /**
         * Kills the command. Called from another thread than the console's (the signal's), it returns only once the
         * console has gone on: the command has ended well before the cancel returned.
         */
        @Override
        public void cancel() {
            cancels++;
            killed.countDown();
            if (Thread.currentThread() == console) return;
            try {
                consoleMovedOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public List<String> hosts(String pattern) {
            return List.of("h1");
        }

        @Override
        public List<String> groups() {
            return List.of();
        }

        @Override
        public Collection<String> modules() {
            return List.of("shell");
        }

        @Override
        public String doc(String module) {
            return null;
        }

        @Override
        public ModuleSpec spec(String module) {
            return null;
        }
    }

    private Console console(Runner runner) {
        Console c = new Console(runner, "all", new Settings(5, false, "root", "sudo", false, false, 0, null, null, true),
                new PrintStream(printed, true, StandardCharsets.UTF_8), Path.of("."));
        c.attach(terminal);
        return c;
    }

    @Test
    @Timeout(60) // a Ctrl-C the console missed would leave the command waiting for ever
    void aCommandEndedByTheKillIsReportedCancelledEvenWhenItEndsBeforeTheCancelReturns() throws Exception {
        EndsWhenCancelled runner = new EndsWhenCancelled();
        Console console = console(runner);
        Thread ctrlC = new Thread(() -> {
            try {
                runner.started.await();
                terminal.raise(Terminal.Signal.INT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctrlC.start();
        console.handle("sleep 4117");
        runner.consoleMovedOn.countDown();
        ctrlC.join();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("\n[cancelled]\n");
        assertThat(runner.cancels).isEqualTo(1);
    }
}
