package dev.jplay.modules.python;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellWords;
import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.jobs.Detachable;
import dev.jplay.modules.jobs.HostJob;
import dev.jplay.modules.external.ExternalModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Ansible Python module, run as Ansible runs it: packed with its module_utils ({@link Payload}), given its
 * arguments with Ansible's {@code _ansible_*} internals, started by the host's Python 3 (the
 * {@code ansible_python_interpreter}, else the first found as Ansible's discovery would, reported once as the
 * {@code discovered_interpreter_python} fact) reading the program from stdin, in one round trip and under the
 * task's become. Its JSON answer is the task result, like a built-in module's.
 */
public final class PythonModule implements Module, Detachable {
    static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3", "/usr/libexec/platform-python", "python3.12",
            "python3.11", "python3.10", "python3.9", "python3.8", "python3.7", "python3.6");
    private static final String MARK = "JPLAY_PYTHON=";
    private static final String MISSING = "JPLAY_NO_PYTHON";

    private final String fqn;
    private final Path file;
    private final AnsibleRoots roots;
    private final ModuleSpec spec;
    private volatile byte[] zip;

    /**
     * @param name the name tasks use ({@code community.general.ini_file}, {@code mymod})
     * @param fqn the module's Python name inside the payload
     */
    PythonModule(String name, String fqn, Path file, AnsibleRoots roots, String origin) {
        this.fqn = fqn;
        this.file = file;
        this.roots = roots;
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            source = "";
        }
        this.spec = PythonDoc.spec(name, source, origin);
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    public Path file() {
        return file;
    }

    private byte[] zip() {
        byte[] z = zip;
        if (z == null) {
            z = Payload.build(roots, fqn, file);
            zip = z;
        }
        return z;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        if (roots.ansibleCore() == null) return noCore();
        String explicit = variable(ctx, "ansible_python_interpreter");
        String known = explicit.isEmpty() ? variable(ctx, "ansible_facts.discovered_interpreter_python") : explicit;
        byte[] program = Wrapper.program(fqn, zip(), Json.write(Map.of("ANSIBLE_MODULE_ARGS", internals(args, ctx))));
        ExecResult r = ctx.exec(ExecRequest.of(launcher(known, true)).withStdin(program));
        String err = r.err();
        String found = null;
        if (err.startsWith(MARK)) {
            int nl = err.indexOf('\n');
            found = err.substring(MARK.length(), nl < 0 ? err.length() : nl).strip();
            err = nl < 0 ? "" : err.substring(nl + 1);
        }
        if (r.rc() == 127 && err.strip().endsWith(MISSING)) {
            String tried = known.isEmpty() ? "tried " + String.join(", ", CANDIDATES) : "ansible_python_interpreter is " + known;
            return ModuleResult.failed("module " + spec.name() + " is a Python module and the host has no Python 3 interpreter ("
                    + tried + "); install python3 on the host, set ansible_python_interpreter, or use a built-in module");
        }
        ModuleResult result = ExternalModule.answer(new ExecResult(r.rc(), r.stdout(), err.getBytes(StandardCharsets.UTF_8)));
        if (known.isEmpty() && found != null) {
            Map<String, Object> facts = new LinkedHashMap<>();
            if (result.get("ansible_facts") instanceof Map<?, ?> f) f.forEach((k, v) -> facts.put(String.valueOf(k), v));
            facts.put("discovered_interpreter_python", found);
            result.put("ansible_facts", facts);
        }
        return result;
    }

    @Override
    public HostJob detach(ModuleArgs args, ModuleContext ctx) {
        if (roots.ansibleCore() == null) return HostJob.answer(noCore().toMap());
        String explicit = variable(ctx, "ansible_python_interpreter");
        String known = explicit.isEmpty() ? variable(ctx, "ansible_facts.discovered_interpreter_python") : explicit;
        byte[] program = Wrapper.program(fqn, zip(), Json.write(Map.of("ANSIBLE_MODULE_ARGS", internals(args, ctx))));
        return HostJob.module(launcher(known, false), program, known.isEmpty() ? "python3" : known);
    }

    private ModuleResult noCore() {
        return ModuleResult.failed("module " + spec.name() + " is a Python module and needs ansible-core's module_utils on the "
                + "controller to be packed; none was found (install ansible-core, or set JPLAY_ANSIBLE_CORE to its 'ansible' directory)");
    }

    private static String variable(ModuleContext ctx, String name) {
        try {
            Object v = ctx.evaluate(name + " | default('')");
            return v == null ? "" : Py.str(v).strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The shell line that starts Python on the program from stdin, or exits 127 saying none was found; with
     * {@code mark} a discovered interpreter is named on stderr first.
     */
    static String launcher(String interpreter, boolean mark) {
        String none = "echo " + MISSING + " >&2; exit 127";
        if (!interpreter.isEmpty()) {
            List<String> words = ShellWords.split(interpreter);
            StringBuilder cmd = new StringBuilder();
            for (String w : words) cmd.append(Py.shellQuote(w)).append(' ');
            return "command -v " + Py.shellQuote(words.get(0)) + " >/dev/null 2>&1 || { " + none + "; }; exec " + cmd + "-";
        }
        StringBuilder sb = new StringBuilder("for p in");
        for (String c : CANDIDATES) sb.append(' ').append(c);
        sb.append("; do if command -v \"$p\" >/dev/null 2>&1; then ");
        if (mark) sb.append("echo \"").append(MARK).append("$(command -v \"$p\")\" >&2; ");
        sb.append("exec \"$p\" -; fi; done; ")
                .append(none);
        return sb.toString();
    }

    /** The arguments as the module reads them: the task's plus Ansible's {@code _ansible_*} internals. */
    private Map<String, Object> internals(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> a = new LinkedHashMap<>(args.all());
        a.put("_ansible_check_mode", ctx.check());
        a.put("_ansible_no_log", ctx.noLog());
        a.put("_ansible_debug", false);
        a.put("_ansible_diff", ctx.diff());
        a.put("_ansible_verbosity", ctx.verbosity());
        a.put("_ansible_version", roots.coreVersion());
        a.put("_ansible_module_name", spec.name());
        a.put("_ansible_syslog_facility", "LOG_USER");
        a.put("_ansible_selinux_special_fs", List.of("fuse", "nfs", "vboxsf", "ramfs", "9p", "vfat"));
        a.put("_ansible_string_conversion_action", "warn");
        a.put("_ansible_socket", null);
        a.put("_ansible_shell_executable", "/bin/sh");
        a.put("_ansible_keep_remote_files", false);
        a.put("_ansible_tmpdir", null);
        a.put("_ansible_remote_tmp", "~/.ansible/tmp");
        return a;
    }
}
