package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.template.TemplateException;
import dev.jplay.template.Undefined;

/** {@code debug}: prints a message or a variable's value (always shown, like Ansible's verbose-always results). */
public final class Debug implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("debug")
            .doc("Print statements during execution", "Prints a message (msg) or the value of a variable or expression (var).")
            .param(Param.of("msg").raw().doc("The message to print; defaults to 'Hello world!'."))
            .param(Param.of("var").str().notTemplated().doc("A variable name or expression whose value is printed."))
            .param(Param.of("verbosity").integer().def(0L).doc("Print only at this -v level or above."))
            .mutuallyExclusive("msg", "var")
            .returns("msg", "the message", "when msg is given")
            .example("- ansible.builtin.debug:\n    msg: \"{{ inventory_hostname }} has {{ ansible_memtotal_mb }} MB\"\n"
                    + "- ansible.builtin.debug:\n    var: result.stdout_lines")
            .performance("no round trip: runs on the controller")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        ModuleResult r = ModuleResult.ok();
        if (args.integer("verbosity", 0) > ctx.verbosity()) {
            return r.put("skipped_reason", "Verbosity threshold not met.").put("skipped", true).put("failed", false);
        }
        if (args.has("var")) {
            String var = args.str("var");
            // Ansible templates the argument first ({{ item }} names the variable to show); a failure there fails the task
            if (var.contains("{{") || var.contains("{%")) var = dev.jplay.data.Py.str(ctx.template(var));
            Object value;
            try {
                value = ctx.evaluate(var);
                if (value instanceof Undefined u) throw TemplateException.undefined(u.message(), ctx.loc());
            } catch (TemplateException e) {
                if (!e.isUndefined()) throw e;
                value = "VARIABLE IS NOT DEFINED!" + (ctx.verbosity() > 0 ? ": " + e.getMessage() : "");
            }
            r.put(var, value);
        } else {
            r.put("msg", args.has("msg") ? args.get("msg") : "Hello world!");
        }
        return r.put("_ansible_verbose_always", true).put("failed", false);
    }
}
