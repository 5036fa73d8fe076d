package dev.jplay.cli;

import dev.jplay.template.Catalog;
import dev.jplay.template.TemplateCheck;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code jplay doc -t filter|test|lookup [-l] [NAME...]}: the template library's documentation, laid out like
 * {@code ansible-doc -t filter}. Jinja2's own filters and tests are listed without a collection prefix, as Ansible
 * has none for them.
 */
final class TemplateDoc {
    private TemplateDoc() {}

    static int run(String type, List<String> names, boolean list, PrintStream out, PrintStream err) {
        TemplateCheck.Kind kind = TemplateCheck.Kind.valueOf(type.toUpperCase(Locale.ROOT));
        if (list || names.isEmpty()) {
            List<Catalog.Entry> entries = Catalog.entries(kind);
            int width = entries.stream().mapToInt(e -> fqcn(e).length()).max().orElse(0) + 1;
            for (Catalog.Entry e : entries) out.printf("%-" + width + "s %s%n", fqcn(e), e.shortDescription());
            return ExitCodes.OK;
        }
        for (String name : names) {
            Catalog.Entry e = Catalog.entry(kind, name);
            if (e == null) {
                err.println("[WARNING]: " + name + " was not found");
                continue;
            }
            out.print(page(kind, e));
        }
        return ExitCodes.OK;
    }

    private static String fqcn(Catalog.Entry e) {
        return e.origin().equals("jinja2") ? e.name() : e.origin() + "." + e.name();
    }

    static String page(TemplateCheck.Kind kind, Catalog.Entry e) {
        StringBuilder sb = new StringBuilder("> ").append(fqcn(e).toUpperCase(Locale.ROOT)).append("    (")
                .append(e.origin().equals("jinja2") ? "Jinja2 built-in " + kind.word() : "jplay").append(")\n\n");
        DocCommand.wrap(sb, e.description().isEmpty() ? e.shortDescription() + "." : e.description(), "        ");
        sb.append("\nOPTIONS (= is mandatory):\n\n");
        sb.append("= ").append(kind == TemplateCheck.Kind.LOOKUP ? "_terms" : "_input").append('\n');
        DocCommand.wrap(sb, kind == TemplateCheck.Kind.LOOKUP ? "The terms the lookup works on." : "The value the "
                + kind.word() + " applies to.", "        ");
        for (Catalog.Option o : e.options()) {
            sb.append('\n').append(o.required() ? "= " : "- ").append(o.name()).append('\n');
            DocCommand.wrap(sb, o.description(), "        ");
            if (o.defaultValue() != null) sb.append("        default: ").append(o.defaultValue()).append('\n');
            if (!o.type().isEmpty()) sb.append("        type: ").append(o.type()).append('\n');
        }
        if (!e.examples().isEmpty()) {
            sb.append("\nEXAMPLES:\n\n");
            for (String line : e.examples().split("\n")) sb.append("    ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }
}
