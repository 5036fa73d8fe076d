package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;

/** {@code group_by}: puts the host into a group named by {@code key}; the executor applies {@code add_group}. */
public final class GroupBy implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("group_by")
            .doc("Create Ansible groups based on facts", "Adds the current host to the group 'key' (created under 'parents').")
            .param(Param.of("key").str().required().doc("The group name; spaces become dashes."))
            .param(Param.of("parents").list(dev.jplay.modules.ParamType.STR).def(java.util.List.of("all")).doc("Parent groups."))
            .returns("add_group", "the group name", "always")
            .example("- ansible.builtin.group_by:\n    key: os_{{ ansible_distribution }}")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        return ModuleResult.ok().put("add_group", args.str("key").replace(' ', '-'))
                .put("parent_groups", args.strings("parents").stream().map(s -> s.replace(' ', '-')).toList());
    }
}
