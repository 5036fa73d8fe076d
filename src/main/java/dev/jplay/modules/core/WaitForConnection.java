package dev.jplay.modules.core;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code wait_for_connection}: waits until the host answers over the task's connection (a fresh connection, then a
 * trivial command, as Ansible's action tries the ping module), retrying every {@code sleep} seconds until
 * {@code timeout}. The executor lets this module start without a connection.
 */
public final class WaitForConnection implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("wait_for_connection")
            .doc("Waits until remote system is reachable/usable", "Waits for the connection to the host to work and a command to run.")
            .param(Param.of("connect_timeout").integer().def(5L).doc("Seconds to wait for one connection attempt."))
            .param(Param.of("delay").integer().def(0L).doc("Seconds to wait before the first attempt."))
            .param(Param.of("sleep").integer().def(1L).doc("Seconds between attempts."))
            .param(Param.of("timeout").integer().def(600L).doc("Seconds to wait in all."))
            .returns("elapsed", "seconds waited", "always")
            .example("- ansible.builtin.wait_for_connection:\n    timeout: 300").performance("1 round trip per attempt").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) {
        Instant start = Instant.now();
        sleep(Duration.ofSeconds(a.integer("delay", 0)));
        Instant end = start.plusSeconds(a.integer("timeout", 600));
        String last = "";
        boolean fresh = false;
        while (true) {
            try {
                if (!fresh) ctx.reconnect(Duration.ofSeconds(Math.max(0, Math.min(a.integer("connect_timeout", 5),
                        Duration.between(Instant.now(), end).toSeconds()))));
                fresh = true;
                if (ctx.sh("true").ok()) return ModuleResult.ok().put("elapsed", Duration.between(start, Instant.now()).toSeconds());
                last = "the test command failed";
            } catch (ConnectionException e) {
                last = e.getMessage();
                fresh = false;
            }
            if (!Instant.now().plusSeconds(a.integer("sleep", 1)).isBefore(end)) {
                return ModuleResult.failed("timed out waiting for ping module test: " + last)
                        .put("elapsed", Duration.between(start, Instant.now()).toSeconds());
            }
            sleep(Duration.ofSeconds(a.integer("sleep", 1)));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
