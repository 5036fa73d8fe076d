package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.template.TemplateCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jplay doc -t filter|test|lookup}: lists and pages laid out as ansible-doc's. */
class TemplateDocTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String type, boolean list, String... names) {
        return TemplateDoc.run(type, List.of(names), list, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listsEveryFilterWithItsSummary() {
        assertThat(run("filter", true)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(120);
        assertThat(text).containsPattern("(?m)^ansible\\.builtin\\.to_json +Serialize to JSON$").containsPattern("(?m)^dictsort +The items");
    }

    @Test
    void showsAPageWithOptionsAndExamples() {
        assertThat(run("lookup", false, "ansible.builtin.ini")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("> ANSIBLE.BUILTIN.INI    (jplay)\n")
                .contains("= _terms\n", "- section\n        The section.\n        default: global\n        type: str", "EXAMPLES:");
        assertThat(TemplateDoc.page(TemplateCheck.Kind.TEST, dev.jplay.template.Catalog.entry(TemplateCheck.Kind.TEST, "is_dir")))
                .startsWith("> ANSIBLE.BUILTIN.IS_DIR");
    }

    @Test
    void warnsAboutAnUnknownNameAsAnsibleDocDoes() {
        assertThat(run("test", false, "nope")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("[WARNING]: nope was not found\n");
    }
}
