package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.List;

/**
 * Actions the loader or the executor carries out themselves ({@code meta}, {@code include_tasks},
 * {@code import_role}, ...). They are modules only for their spec: argument validation and {@code jplay doc}.
 */
public record Directive(ModuleSpec spec) implements Module {
    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        throw new IllegalStateException(spec.name() + " is carried out by the executor, not run as a module");
    }

    static List<Module> all() {
        return List.of(meta(), includeTasks(), importTasks(), role("include_role", true), role("import_role", false),
                include(), importPlaybook());
    }

    private static Module meta() {
        return new Directive(ModuleSpec.builder("meta")
                .doc("Execute Ansible 'actions'", "Influences the run itself: flush_handlers, end_play, end_host, end_batch, "
                        + "clear_host_errors, clear_facts, refresh_inventory, reset_connection, noop.")
                .freeForm("_raw_params")
                .param(Param.of("_raw_params").str().required().choices("flush_handlers", "refresh_inventory", "noop",
                        "clear_facts", "clear_host_errors", "end_play", "end_host", "end_batch", "reset_connection",
                        "role_complete", "end_role").doc("The meta action."))
                .example("- ansible.builtin.meta: flush_handlers")
                .performance("no round trip")
                .build());
    }

    private static Module includeTasks() {
        return new Directive(ModuleSpec.builder("include_tasks")
                .doc("Dynamically include a task list", "Loads the file at run time, once per host that reaches it; "
                        + "when/tags/loop apply to the include itself. Keywords for the included tasks go under 'apply'.")
                .freeForm("_raw_params")
                .param(Param.of("_raw_params").str().doc("The file (free form)."))
                .param(Param.of("file").str().doc("The file to include."))
                .param(Param.of("apply").dict().doc("Keywords applied to the included tasks."))
                .requiredOneOf("file", "_raw_params")
                .example("- ansible.builtin.include_tasks: \"{{ ansible_os_family | lower }}.yml\"")
                .performance("no round trip")
                .build());
    }

    private static Module importTasks() {
        return new Directive(ModuleSpec.builder("import_tasks")
                .doc("Import a task list", "Inserts the file's tasks while loading; keywords on the import apply to each task.")
                .freeForm("_raw_params")
                .param(Param.of("_raw_params").str().doc("The file (free form)."))
                .param(Param.of("file").str().doc("The file to import."))
                .requiredOneOf("file", "_raw_params")
                .example("- ansible.builtin.import_tasks: prep.yml")
                .performance("no round trip")
                .build());
    }

    private static Module role(String name, boolean dynamic) {
        ModuleSpec.Builder b = ModuleSpec.builder(name)
                .doc(dynamic ? "Load and execute a role" : "Import a role into a play",
                        dynamic ? "Loads the role at run time." : "Inserts the role's tasks while loading.")
                .param(Param.of("name").str().doc("The role name or path."))
                .param(Param.of("role").str().doc("The role name or path, when 'name' is not given (Ansible accepts both)."))
                .requiredOneOf("name", "role")
                .param(Param.of("tasks_from").str().def("main").doc("File in tasks/ to load."))
                .param(Param.of("vars_from").str().def("main").doc("File in vars/ to load."))
                .param(Param.of("defaults_from").str().def("main").doc("File in defaults/ to load."))
                .param(Param.of("handlers_from").str().def("main").doc("File in handlers/ to load."))
                .param(Param.of("allow_duplicates").bool().def(true).doc("Allow running the role more than once."))
                .param(Param.of("public").bool().doc("Expose the role's vars to the rest of the play."))
                .param(Param.of("rolespec_validate").bool().def(true).doc("Validate the role's arguments against its argument spec (meta/argument_specs.yml) first."))
                .example("- ansible.builtin." + name + ":\n    name: containerd\n    tasks_from: install")
                .performance("no round trip");
        if (dynamic) b.param(Param.of("apply").dict().doc("Keywords applied to the role's tasks."));
        return new Directive(b.build());
    }

    private static Module include() {
        return new Directive(ModuleSpec.builder("include")
                .doc("Include a task list (deprecated)", "Deprecated: use include_tasks or import_tasks. Words after the "
                        + "file name (include: tasks.yml a=1 b=2) are variables of the included tasks.")
                .freeForm("_raw_params")
                .acceptsAnyArgs()
                .param(Param.of("_raw_params").type(ParamType.STR).required().doc("The file."))
                .example("- include_tasks: other.yml")
                .performance("no round trip")
                .build());
    }

    private static Module importPlaybook() {
        return new Directive(ModuleSpec.builder("import_playbook")
                .doc("Import a playbook", "Inserts the plays of another playbook file (top level only).")
                .freeForm("_raw_params")
                .param(Param.of("_raw_params").str().required().doc("The playbook file."))
                .example("- ansible.builtin.import_playbook: reset.yml")
                .performance("no round trip")
                .build());
    }
}
