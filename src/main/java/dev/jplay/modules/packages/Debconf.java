package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code debconf}: reads a package's debconf answers ({@code debconf-show}) and sets one
 * ({@code debconf-set-selections}, the line on stdin), with Ansible 2.14's comparisons, results and diff
 * ({@code current}, {@code previous}). One round trip to read, one to set.
 */
public final class Debconf implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("debconf").fqcn("ansible.builtin.debconf", "ansible.legacy.debconf")
            .doc("Configure a .deb package", "Configure a .deb package using debconf-set-selections, or just query existing selections.")
            .param(Param.of("name").str().required().aliases("pkg").doc("Name of package to configure."))
            .param(Param.of("question").str().aliases("selection", "setting").doc("A debconf configuration setting."))
            .param(Param.of("vtype").str().choices("boolean", "error", "multiselect", "note", "password", "seen", "select", "string", "text", "title")
                    .doc("The type of the value supplied."))
            .param(Param.of("value").str().aliases("answer").doc("Value to set the configuration to."))
            .param(Param.of("unseen").bool().def(false).doc("Do not set the 'seen' flag when pre-seeding."))
            .requiredTogether("question", "vtype", "value")
            .diff(true)
            .returns("current", "the question's value now (or every answer of the package when no question is given)", "always")
            .returns("previous", "the question's value before", "changed")
            .example("- ansible.builtin.debconf:\n    name: tzdata\n    question: tzdata/Areas\n    value: Europe\n    vtype: select")
            .performance("1 round trip to read, 1 to set").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String pkg = a.str("name");
        String question = a.str("question");
        String vtype = a.str("vtype");
        String value = a.str("value");
        ExecResult shown = ctx.sh("debconf-show " + ShellCommand.quote(pkg));
        if (shown.rc() != 0) {
            String err = shown.err();
            if (shown.rc() == 127) err = "Failed to find required executable \"debconf-show\" in paths: /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
            return ModuleResult.failed(err);
        }
        Map<String, Object> prev = selections(shown.out());
        boolean changed = false;
        if (question != null) {
            if (vtype == null || value == null) return ModuleResult.failed("when supplying a question you must supply a valid vtype and value");
            if (!prev.containsKey(question)) {
                changed = true;
            } else {
                String existing = (String) prev.get(question);
                if (vtype.equals("boolean")) {
                    value = value.toLowerCase(Locale.ROOT);
                    existing = existing.toLowerCase(Locale.ROOT);
                }
                changed = !value.equals(existing);
            }
        }
        if (!changed) return ModuleResult.ok().put("msg", "").put("current", prev);
        String msg = "";
        if (!ctx.check()) {
            String v = vtype.equals("boolean") && value.equals("True") ? "true" : vtype.equals("boolean") && value.equals("False") ? "false" : value;
            String data = String.join(" ", pkg, question, vtype, v);
            ExecResult set = ctx.exec(ExecRequest.of("debconf-set-selections" + (a.bool("unseen") ? " -u" : ""))
                    .withStdin(data.getBytes(StandardCharsets.UTF_8)));
            if (set.rc() != 0) return ModuleResult.failed(set.err());
            msg = set.out();
        }
        Map<String, Object> curr = new LinkedHashMap<>();
        curr.put(question, value);
        Map<String, Object> previous;
        if (prev.containsKey(question)) {
            previous = new LinkedHashMap<>();
            previous.put(question, prev.get(question));
        } else {
            previous = prev;
            previous.put(question, "");
        }
        ModuleResult r = ModuleResult.changed(true).put("msg", msg).put("current", curr).put("previous", previous);
        Map<String, Object> diff = new LinkedHashMap<>();
        if (ctx.diff()) {
            Map<String, Object> after = new LinkedHashMap<>(previous);
            after.putAll(curr);
            diff.put("before", previous);
            diff.put("after", after);
        }
        return r.put("diff", diff);
    }

    /**
     * debconf-show's lines ({@code * question: value}, the star for seen ones; split as debconf.py's
     * {@code splitlines()}) as question → value.
     */
    static Map<String, Object> selections(String out) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Object o : ModuleResult.splitLines(out)) {
            String line = (String) o;
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip().replaceAll("^\\*+|\\*+$", "").strip();
            m.put(key, line.substring(colon + 1).strip());
        }
        return m;
    }
}
