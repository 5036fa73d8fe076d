package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** add_host's arguments as Ansible's action reads them: a mapping given as the whole argument is under the others. */
class AddHostTest {
    @Test
    void aMappingAsTheWholeArgumentGivesTheHost() throws Exception {
        Map<String, Object> r = TestContext.local().run(new AddHost(), Map.of("_raw_params",
                Map.of("hostname", "h9", "groups", "g1", "ansible_port", "2222"), "groups", "g2"));
        assertThat(r).containsEntry("add_host", Map.of("host_name", "h9", "groups", List.of("g2"), "host_vars", Map.of("ansible_port", "2222")));
    }

    @Test
    void textAsTheWholeArgumentFails() throws Exception {
        Map<String, Object> r = TestContext.local().run(new AddHost(), Map.of("_raw_params", "h9"));
        assertThat(r).containsEntry("failed", true)
                .containsEntry("msg", "Invalid raw parameters passed, requires a dictonary/mapping got a  <class 'str'>");
    }
}
