package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A role's meta/argument_specs.yml is checked at role entry (Ansible's implicit validation task); validate_argument_spec as a task. */
class RoleArgumentSpecsTest {
    @TempDir
    Path dir;

    private Runs withRole() {
        return new Runs(dir).file("roles/web/meta/argument_specs.yml", """
                argument_specs:
                  main:
                    short_description: The web role
                    options:
                      http_port: {type: int, required: true}
                      mode: {type: str, choices: [a, b], default: a}
                """).file("roles/web/tasks/main.yml", "- debug: msg={{ http_port }}\n");
    }

    @Test
    void validParametersPassAndTheRoleRuns() {
        Runs r = withRole().run("- hosts: all\n  gather_facts: false\n  roles: [{role: web, http_port: '8080'}]\n");
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 0");
        assertThat(r.res("web : Validating arguments against arg spec 'main' - The web role", "h1"))
                .containsEntry("msg", "The arg spec validation passed");
    }

    @Test
    void aMissingRequiredArgumentStopsTheRoleWithAnsiblesMessage() {
        Runs r = withRole().run("- hosts: all\n  gather_facts: false\n  roles: [{role: web, mode: c}]\n");
        assertThat(r.recap("h1")).isEqualTo("0 0 0 1 0 0 0");
        assertThat(String.valueOf(r.res("web : Validating arguments against arg spec 'main' - The web role", "h1").get("msg")))
                .startsWith("Validation of arguments failed:");
    }

    @Test
    void theModuleChecksTaskVariables() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  vars: {count: "3"}
                  tasks:
                    - validate_argument_spec:
                        argument_spec: {count: {type: int}, name: {type: str, default: x}}
                    - validate_argument_spec:
                        argument_spec: {count: {type: bool}}
                      ignore_errors: true
                """);
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
    }

    @Test
    void everyProblemIsListedMissingOnesSorted() {
        Runs r = new Runs(dir).file("roles/b/meta/argument_specs.yml", """
                argument_specs:
                  main:
                    options:
                      b_str: {type: str, required: true}
                      b_int: {type: int, required: true}
                      b_bool: {type: bool, required: true}
                """).file("roles/b/tasks/main.yml", "- debug: msg=hi\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - {include_role: {name: b}, vars: {b_bool: 7}, ignore_errors: true}
                """);
        @SuppressWarnings("unchecked")
        java.util.List<String> errors = (java.util.List<String>) r.res("b : Validating arguments against arg spec 'main'", "h1").get("argument_errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isEqualTo("missing required arguments: b_int, b_str");
        assertThat(errors.get(1)).startsWith("argument 'b_bool' is of type");
    }

    @Test
    void rolespecValidateFalseAndAnEmptySpecsFileMeanNoValidation() {
        Runs r = withRole().file("roles/empty/meta/argument_specs.yml", "---\n")
                .file("roles/empty/meta/main.yml", "argument_specs: {main: {options: {x: {required: true}}}}\n")
                .file("roles/empty/tasks/main.yml", "- debug: msg=empty\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - {import_role: {name: web, rolespec_validate: false}, vars: {http_port: 1}}
                    - {include_role: {name: web, rolespec_validate: false}, vars: {http_port: 1}}
                    - {import_role: {name: empty}}
                """);
        assertThat(r.rec.banners()).noneMatch(b -> b.contains("Validating"));
        assertThat(r.recap("h1")).isEqualTo("3 0 0 0 0 0 0"); // the include itself is not counted (as Ansible)
    }
}
