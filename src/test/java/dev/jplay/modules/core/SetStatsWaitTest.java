package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** set_stats results as Ansible's action returns them; wait_for_connection over a working (local) connection. */
class SetStatsWaitTest {
    @Test
    void setStatsReturnsAnsibleStatsAndRefusesBadNames() throws Exception {
        Map<String, Object> r = TestContext.local().run(new SetStats(), Map.of("data", Map.of("installed", 3L), "per_host", true));
        assertThat(r).containsEntry("changed", false)
                .containsEntry("ansible_stats", Map.of("data", Map.of("installed", 3L), "per_host", true, "aggregate", true));
        assertThat(TestContext.local().run(new SetStats(), Map.of("data", Map.of("not-valid", 1L)))).containsEntry("failed", true);
    }

    @Test
    void setStatsOptionsAreLenientBooleansAndDataMustBeAMapping() throws Exception {
        Map<String, Object> r = TestContext.local().run(new SetStats(), Map.of("data", Map.of("s", "foo"), "aggregate", "x", "per_host", "yes"));
        assertThat(r).containsEntry("ansible_stats", Map.of("data", Map.of("s", "foo"), "per_host", true, "aggregate", false));
        assertThat(TestContext.local().run(new SetStats(), Map.of("data", java.util.List.of(1L, 2L))))
                .containsEntry("msg", "The 'data' option needs to be a dictionary/hash");
        assertThat(TestContext.local().run(new SetStats(), Map.of())).containsEntry("ansible_stats",
                Map.of("data", Map.of(), "per_host", false, "aggregate", true));
    }

    @Test
    void waitForConnectionAnswersWhenTheHostDoes() throws Exception {
        Map<String, Object> r = TestContext.local().run(new WaitForConnection(), Map.of("timeout", 5L));
        assertThat(r).containsEntry("changed", false).containsKey("elapsed").doesNotContainKey("failed");
    }
}
