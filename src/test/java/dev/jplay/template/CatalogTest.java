package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every filter, test and lookup of ansible-doc's lists and of Jinja2's built-ins exists and is documented. */
class CatalogTest {
    @SuppressWarnings("unchecked")
    static final Map<String, List<String>> CHECKLIST = (Map<String, List<String>>) Yaml.load(Path.of("src/test/resources/template/checklist.yml"));

    private static List<String> names(String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) out.addAll(CHECKLIST.get(k));
        return out;
    }

    @Test
    void everyNameOfTheChecklistExists() {
        assertThat(names("ansible_filters", "jinja_filters")).hasSize(68 + 54)
                .allSatisfy(n -> assertThat(Library.has(TemplateCheck.Kind.FILTER, n)).as("filter %s", n).isTrue());
        assertThat(names("ansible_tests", "jinja_tests")).hasSize(47 + 39)
                .allSatisfy(n -> assertThat(Library.has(TemplateCheck.Kind.TEST, n)).as("test %s", n).isTrue());
        assertThat(names("ansible_lookups")).hasSize(25)
                .allSatisfy(n -> assertThat(Library.has(TemplateCheck.Kind.LOOKUP, n)).as("lookup %s", n).isTrue());
    }

    @Test
    void ansibleNamesAlsoResolveCollectionQualifiedButJinjaOnesDoNot() {
        assertThat(CHECKLIST.get("ansible_filters")).allSatisfy(n -> assertThat(Library.filter("ansible.builtin." + n)).isNotNull());
        assertThat(Library.filter("ansible.builtin.upper")).isNull();
        assertThat(Library.test("ansible.builtin.odd")).isNull();
        assertThat(Library.test("ansible.builtin.version")).isNotNull();
    }

    @Test
    void everyNameIsDocumentedAndEveryDocumentedNameExists() {
        for (TemplateCheck.Kind kind : TemplateCheck.Kind.values()) {
            List<String> documented = Catalog.entries(kind).stream().map(Catalog.Entry::name).toList();
            assertThat(documented).allSatisfy(n -> assertThat(Library.has(kind, n)).as("%s %s", kind, n).isTrue());
            assertThat(Catalog.entries(kind)).allSatisfy(e -> assertThat(e.shortDescription()).as("%s", e.name()).isNotBlank());
        }
        assertThat(Catalog.names(TemplateCheck.Kind.FILTER)).containsAll(names("ansible_filters", "jinja_filters"));
        assertThat(Catalog.names(TemplateCheck.Kind.TEST)).containsAll(names("ansible_tests", "jinja_tests"));
        assertThat(Catalog.names(TemplateCheck.Kind.LOOKUP)).containsAll(names("ansible_lookups"));
        assertThat(Catalog.entry(TemplateCheck.Kind.FILTER, "ansible.builtin.combine").options()).extracting(Catalog.Option::name)
                .contains("recursive", "list_merge");
    }

    @Test
    void unknownNamesAreRefusedAndSuggested() {
        assertThat(Library.has(TemplateCheck.Kind.FILTER, "to_jsn")).isFalse();
        assertThat(Library.suggest(TemplateCheck.Kind.FILTER, "to_jsn")).isEqualTo("did you mean 'to_json'?");
        assertThat(Library.suggest(TemplateCheck.Kind.LOOKUP, "fiel")).isEqualTo("did you mean 'file'?");
    }
}
