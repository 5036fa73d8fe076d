package dev.jplay.cli;

import dev.jplay.data.Py;
import dev.jplay.modules.BuiltinModules;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.external.ExternalModules;
import dev.jplay.modules.python.PythonModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jplay doc MODULE} / {@code jplay doc -l}: module documentation laid out like ansible-doc's. */
@Command(name = "doc", sortOptions = false, customSynopsis = "jplay doc [options] [MODULE...]", description = "Show the documentation of modules (like 'ansible-doc').")
public final class DocCommand implements Callable<Integer> {
    private static final int WIDTH = 70;

    @Parameters(arity = "0..*", paramLabel = "MODULE", description = "Module names (short or FQCN).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "What to document: module (default), filter, test or lookup.")
    String type = "module";

    @Option(names = {"-l", "--list"}, description = "List the available modules.")
    boolean list;

    @Option(names = {"-s", "--snippet"}, description = "Show a playbook snippet for the module.")
    boolean snippet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        if (!type.equals("module")) {
            if (!List.of("filter", "test", "lookup").contains(type)) {
                System.err.println("ERROR! jplay documents modules, filters, tests and lookups (-t " + type + " is not one of them)");
                return ExitCodes.BAD_OPTIONS;
            }
            return TemplateDoc.run(type, names, list, System.out, System.err);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Settings settings = Settings.load(System.getenv(), cwd);
        PythonModules python = Wiring.pythonModules(settings, List.of(cwd), cwd);
        List<Path> dirs = new ArrayList<>(settings.library());
        dirs.addAll(ExternalModules.roleLibraries(settings.rolesPath().stream().map(cwd::resolve).toList()));
        dirs.add(cwd.resolve("library"));
        dirs.add(cwd.resolve("modules"));
        List<Module> found = ExternalModules.scan(dirs, python);
        ModuleRegistry registry = new ModuleRegistry(BuiltinModules.all()).with(found)
                .withFallback(python::find, java.util.Set.copyOf(settings.pythonModules()));
        if (list || names.isEmpty()) {
            list(registry, found, python);
            return ExitCodes.OK;
        }
        int rc = ExitCodes.OK;
        for (String name : names) {
            Module m = registry.find(name);
            if (m == null) {
                List<String> close = registry.suggest(name);
                System.err.println("ERROR! module " + name + " not found" + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?"));
                rc = ExitCodes.ERROR;
                continue;
            }
            System.out.print(snippet ? snippet(m.spec()) : page(m.spec()));
        }
        return rc;
    }

    /** Every module jplay can run: built-in (Java), drop-in, then Python ones from ansible-core and collections. */
    private static void list(ModuleRegistry registry, List<Module> found, PythonModules python) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Module m : registry.modules()) {
            boolean dropIn = found.contains(m);
            String n = fqcn(m.spec().name());
            names.add(n);
            System.out.printf("%-40s %s  [%s]%n", n, m.spec().shortDescription(), dropIn ? "drop-in" : "built-in");
        }
        for (PythonModules.Listed l : python.listCore()) {
            if (names.add(l.name())) System.out.printf("%-40s %s  [python: %s]%n", l.name(), l.shortDescription(), l.file());
        }
        for (PythonModules.Listed l : python.list()) {
            if (names.add(l.name())) System.out.printf("%-40s %s  [python: %s]%n", l.name(), l.shortDescription(), l.file());
        }
    }

    private static String fqcn(String name) {
        return name.contains(".") ? name : "ansible.builtin." + name;
    }

    static String page(ModuleSpec s) {
        StringBuilder sb = new StringBuilder();
        sb.append("> ").append(fqcn(s.name()).toUpperCase(Locale.ROOT)).append("\n\n");
        wrap(sb, s.description().isEmpty() ? s.shortDescription() : s.description(), "        ");
        if (!s.aliases().isEmpty()) sb.append("\nALIASES: ").append(String.join(", ", s.aliases())).append('\n');
        sb.append("\nOPTIONS (= is mandatory):\n");
        for (Param p : s.params()) {
            if (p.name().startsWith("_")) continue;
            sb.append('\n').append(p.required() ? "= " : "- ").append(p.name()).append('\n');
            wrap(sb, p.description(), "        ");
            if (!p.aliases().isEmpty()) sb.append("        aliases: [").append(String.join(", ", p.aliases())).append("]\n");
            if (!p.choices().isEmpty()) sb.append("        choices: ").append(Py.str(p.choices())).append('\n');
            if (p.defaultValue() != null) sb.append("        default: ").append(Py.str(p.defaultValue())).append('\n');
            if (p.elements() != null) sb.append("        elements: ").append(p.elements().ansibleName()).append('\n');
            sb.append("        type: ").append(p.type().ansibleName()).append('\n');
        }
        sb.append("\nATTRIBUTES:\n\n");
        sb.append("        check_mode:\n          support: ").append(s.checkMode() ? "full" : "none").append('\n');
        sb.append("        diff_mode:\n          support: ").append(s.diff() ? "full" : "none").append('\n');
        if (s.performance() != null) sb.append("\nPERFORMANCE: ").append(s.performance()).append('\n');
        if (s.example() != null) sb.append("\nEXAMPLES:\n\n").append(s.example().strip()).append("\n");
        if (!s.returns().isEmpty()) {
            sb.append("\nRETURN VALUES:\n");
            for (ModuleSpec.ReturnValue r : s.returns()) {
                sb.append("- ").append(r.name()).append('\n');
                wrap(sb, r.description(), "        ");
                sb.append("        returned: ").append(r.returned()).append("\n\n");
            }
        }
        return sb.toString();
    }

    static String snippet(ModuleSpec s) {
        StringBuilder sb = new StringBuilder("- name: ").append(s.shortDescription()).append('\n');
        sb.append("  ").append(fqcn(s.name())).append(":\n");
        for (Param p : s.params()) {
            if (p.name().startsWith("_")) continue;
            String doc = p.description().isEmpty() ? "" : "   # " + (p.required() ? "(required) " : "") + firstSentence(p.description());
            sb.append("      ").append(p.name()).append(":").append(doc).append('\n');
        }
        return sb.toString();
    }

    private static String firstSentence(String s) {
        int i = s.indexOf(". ");
        return i < 0 ? s : s.substring(0, i + 1);
    }

    static void wrap(StringBuilder sb, String text, String indent) {
        StringBuilder line = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (w.isEmpty()) continue;
            if (line.length() > 0 && indent.length() + line.length() + 1 + w.length() > WIDTH) {
                sb.append(indent).append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) sb.append(indent).append(line).append('\n');
    }
}
