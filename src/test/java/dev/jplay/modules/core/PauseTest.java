package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pause with a prompt and no time asks on the terminal; without one it does not wait and says so, as Ansible. */
class PauseTest {
    @Test
    void returnsWhatWasTypedOnTheTerminal() throws Exception {
        TestContext ctx = TestContext.local().answers("reset");
        assertThat(ctx.run(new Pause(), Map.of("prompt", "Type 'reset'"))).containsEntry("user_input", "reset").containsEntry("changed", false);
        assertThat(ctx.asked()).containsExactly("Type 'reset'");
        assertThat(ctx.warnings()).isEmpty();
        TestContext hidden = TestContext.local().answers("s3cret");
        assertThat(hidden.run(new Pause(), Map.of("prompt", "Token", "echo", false))).containsEntry("user_input", "s3cret");
        assertThat(hidden.asked()).containsExactly("Token (output is hidden)");
    }

    @Test
    void withoutATerminalItDoesNotWait() throws Exception {
        TestContext ctx = TestContext.local();
        assertThat(ctx.run(new Pause(), Map.of())).containsEntry("user_input", "");
        assertThat(ctx.asked()).containsExactly("Press enter to continue, Ctrl+C to interrupt");
        assertThat(ctx.warnings()).containsExactly("Not waiting for response to prompt as stdin is not interactive");
        TestContext timed = TestContext.local().answers("never read");
        assertThat(timed.run(new Pause(), Map.of("seconds", 0, "prompt", "x"))).containsEntry("user_input", "");
        assertThat(timed.asked()).isEmpty();
    }
}
