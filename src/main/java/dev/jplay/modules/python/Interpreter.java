package dev.jplay.modules.python;

import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellWords;
import dev.jplay.data.Py;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python a module runs under, chosen as ansible-core's {@code _get_shebang} chooses it: the host's
 * {@code ansible_python_interpreter} unless it is one of the discovery modes ({@code auto}, {@code auto_legacy},
 * {@code auto_silent}, {@code auto_legacy_silent}), else the {@code discovered_interpreter_python} fact, else
 * discovery on the host in the module's own round trip (the first of {@link #CANDIDATES} found), reported once as
 * that fact.
 */
public final class Interpreter {
    /** Discovery's candidates, most preferred first. */
    public static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3", "/usr/libexec/platform-python", "python3.12",
            "python3.11", "python3.10", "python3.9", "python3.8", "python3.7", "python3.6");
    private static final Set<String> DISCOVERY = Set.of("auto", "auto_legacy", "auto_silent", "auto_legacy_silent");
    private static final String MARK = "JPLAY_PYTHON=";
    private static final String MISSING = "JPLAY_NO_PYTHON";
    /** The shell variable the {@link #select} fragment sets to the interpreter's command. */
    private static final String COMMAND = "\"$jplay_py\"";

    private Interpreter() {}

    /** Is this {@code ansible_python_interpreter} value a request for discovery (unset, empty or an auto mode)? */
    public static boolean discovers(String configured) {
        return configured.isEmpty() || DISCOVERY.contains(configured);
    }

    /** The interpreter known for the task's host (the explicit setting, else the discovered fact), or "" to discover. */
    public static String known(ModuleContext ctx) {
        String explicit = variable(ctx, "ansible_python_interpreter");
        return discovers(explicit) ? variable(ctx, "ansible_facts.discovered_interpreter_python") : explicit;
    }

    /** The value of a variable as text, "" when it is undefined. */
    public static String variable(ModuleContext ctx, String name) {
        try {
            Object v = ctx.evaluate(name + " | default('')");
            return v == null ? "" : Py.str(v).strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Shell that leaves the interpreter's command in {@code jplay_py} (the known one, else the first candidate the
     * host has; with {@code mark} a discovered one is named on stderr first), or exits 127 saying none was found.
     * A known interpreter with arguments ({@code python3 -u}) is used as written: {@link #command} gives its words.
     */
    public static String select(String known, boolean mark) {
        String none = "echo " + MISSING + " >&2; exit 127";
        if (!known.isEmpty()) {
            String first = ShellWords.split(known).get(0);
            return "command -v " + Py.shellQuote(first) + " >/dev/null 2>&1 || { " + none + "; }; ";
        }
        StringBuilder sb = new StringBuilder("jplay_py=$(").append(probe()).append("); [ -n \"$jplay_py\" ] || { ").append(none).append("; }; ");
        if (mark) sb.append("echo \"").append(MARK).append("$jplay_py\" >&2; ");
        return sb.toString();
    }

    /** Shell that prints the path of the first of {@link #CANDIDATES} the host has, or nothing; it always succeeds. */
    public static String probe() {
        return "for p in " + String.join(" ", CANDIDATES) + "; do if command -v \"$p\" >/dev/null 2>&1; then command -v \"$p\"; break; fi; done; true";
    }

    /** The interpreter's command words for the shell after {@link #select}: the known one quoted, else {@link #COMMAND}. */
    public static String command(String known) {
        if (known.isEmpty()) return COMMAND;
        StringBuilder cmd = new StringBuilder();
        for (String w : ShellWords.split(known)) cmd.append(cmd.isEmpty() ? "" : " ").append(Py.shellQuote(w));
        return cmd.toString();
    }

    /** What a run that began with {@link #select}{@code (known, true)} says: the interpreter it found, its real stderr. */
    public record Outcome(ExecResult result, String discovered, boolean missing) {
        /** The task result of a module whose Python was missing, naming what was tried. */
        public ModuleResult noPython(String module, String known) {
            String tried = known.isEmpty() ? "tried " + String.join(", ", CANDIDATES) : "ansible_python_interpreter is " + known;
            return ModuleResult.failed("module " + module + " is a Python module and the host has no Python 3 interpreter ("
                    + tried + "); install python3 on the host, set ansible_python_interpreter, or use a built-in module");
        }

        /** Adds the discovered interpreter to the result's {@code ansible_facts}, as Ansible reports discovery once. */
        public ModuleResult report(ModuleResult result) {
            if (discovered == null) return result;
            Map<String, Object> facts = new LinkedHashMap<>();
            if (result.get("ansible_facts") instanceof Map<?, ?> f) f.forEach((k, v) -> facts.put(String.valueOf(k), v));
            facts.put("discovered_interpreter_python", discovered);
            return result.put("ansible_facts", facts);
        }
    }

    /** Splits the discovery mark off a run's stderr. */
    public static Outcome outcome(ExecResult r) {
        String err = r.err();
        String found = null;
        if (err.startsWith(MARK)) {
            int nl = err.indexOf('\n');
            found = err.substring(MARK.length(), nl < 0 ? err.length() : nl).strip();
            err = nl < 0 ? "" : err.substring(nl + 1);
        }
        boolean missing = r.rc() == 127 && err.strip().endsWith(MISSING);
        return new Outcome(new ExecResult(r.rc(), r.stdout(), err.getBytes(StandardCharsets.UTF_8)), found, missing);
    }
}
