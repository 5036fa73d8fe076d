package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code reboot}: reboots the host with {@code shutdown -r}, reconnects and waits until the boot id changed and the
 * test command succeeds (as Ansible's reboot action). Refuses to reboot the controller (local connection).
 */
public final class Reboot implements Module {
    private static final Duration MAX_SLEEP = Duration.ofSeconds(12);
    private final ModuleSpec spec = ModuleSpec.builder("reboot").fqcn("ansible.builtin.reboot")
            .doc("Reboot a machine", "Reboots the host, waits for it to come back and to answer the test command.")
            .param(Param.of("reboot_timeout").integer().def(600L).aliases("reboot_timeout_sec"))
            .param(Param.of("connect_timeout").integer().aliases("connect_timeout_sec"))
            .param(Param.of("msg").str().def("Reboot initiated by Ansible"))
            .param(Param.of("pre_reboot_delay").integer().def(0L).aliases("pre_reboot_delay_sec"))
            .param(Param.of("post_reboot_delay").integer().def(0L).aliases("post_reboot_delay_sec"))
            .param(Param.of("test_command").str().def("whoami"))
            .param(Param.of("boot_time_command").str().def("cat /proc/sys/kernel/random/boot_id"))
            .param(Param.of("reboot_command").str().doc("Replaces 'shutdown -r {delay} \"{msg}\"'."))
            .param(Param.of("search_paths").list(dev.jplay.modules.ParamType.STR).doc("Accepted; shutdown is found on PATH."))
            .returns("rebooted", "whether the host rebooted", "always").returns("elapsed", "seconds waited", "always")
            .performance("1 round trip for the boot id, 1 for shutdown, then reconnects and polls")
            .example("- ansible.builtin.reboot:\n    reboot_timeout: 600")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        if (ctx.connection().isLocal()) {
            return ModuleResult.failed("Running reboot with local connection would reboot the control node.")
                    .put("elapsed", 0L).put("rebooted", false);
        }
        if (ctx.check()) return ModuleResult.changed(true).put("elapsed", 0L).put("rebooted", true);
        ExecResult boot = ctx.sh(a.str("boot_time_command"));
        if (!boot.ok() || boot.out().isBlank()) {
            return ModuleResult.failed("Failed to get system boot time. Return code: " + boot.rc() + ", stdout: " + boot.out()
                    + ", stderr: " + boot.err()).put("reboot", false);
        }
        String before = boot.out().strip();
        Instant start = Instant.now();
        String cmd = a.has("reboot_command") ? a.str("reboot_command")
                : "shutdown -r " + a.integer("pre_reboot_delay") / 60 + " " + dev.jplay.connection.ShellCommand.quote(a.str("msg"));
        try {
            ExecResult r = ctx.sh(cmd);
            if (!r.ok()) {
                return ModuleResult.failed("Reboot command failed. Error was: '" + r.out().strip() + ", " + r.err().strip() + "'")
                        .put("rebooted", false).put("elapsed", seconds(start));
            }
        } catch (ConnectionException e) {
            // the host went down under us: that is what we asked for
        }
        sleep(Duration.ofSeconds(a.integer("post_reboot_delay")));
        Duration timeout = Duration.ofSeconds(a.integer("reboot_timeout"));
        String failure = waitFor(ctx, timeout, "last boot time check", () -> {
            ExecResult r = ctx.sh(a.str("boot_time_command"));
            return r.ok() && !r.out().isBlank() && !r.out().strip().equals(before);
        });
        if (failure == null) failure = waitFor(ctx, timeout, "post-reboot test command", () -> ctx.sh(a.str("test_command")).ok());
        ModuleResult res = failure == null ? ModuleResult.changed(true).put("rebooted", true)
                : ModuleResult.failed(failure).put("rebooted", true);
        return res.put("elapsed", seconds(start));
    }

    private interface Check {
        boolean done() throws ConnectionException;
    }

    /** Retries {@code check} (reconnecting after connection failures) with growing pauses; null when it passed. */
    private static String waitFor(ModuleContext ctx, Duration timeout, String what, Check check) {
        Instant end = Instant.now().plus(timeout);
        int fails = 0;
        while (Instant.now().isBefore(end) && !Thread.currentThread().isInterrupted()) {
            try {
                if (check.done()) return null;
            } catch (ConnectionException e) {
                try {
                    ctx.reconnect(Duration.between(Instant.now(), end).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), end));
                } catch (ConnectionException again) {
                    // still down; keep waiting
                }
            }
            Duration pause = Duration.ofSeconds(Math.min(1L << Math.min(fails++, 4), MAX_SLEEP.toSeconds()));
            sleep(pause);
        }
        return "Timed out waiting for " + what + " (timeout=" + timeout.toSeconds() + ")";
    }

    private static long seconds(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
