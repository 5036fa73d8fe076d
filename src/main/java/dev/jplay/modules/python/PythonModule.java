package dev.jplay.modules.python;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.data.Json;
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
        String known = Interpreter.known(ctx);
        byte[] program = Wrapper.program(fqn, zip(), Json.write(Map.of("ANSIBLE_MODULE_ARGS", internals(args, ctx))));
        Interpreter.Outcome o = Interpreter.outcome(ctx.exec(ExecRequest.of(launcher(known, true)).withStdin(program)));
        if (o.missing()) return o.noPython(spec.name(), known);
        return o.report(ExternalModule.answer(o.result(), null, ctx::warn));
    }

    @Override
    public HostJob detach(ModuleArgs args, ModuleContext ctx) {
        if (roots.ansibleCore() == null) return HostJob.answer(noCore().toMap());
        String known = Interpreter.known(ctx);
        byte[] program = Wrapper.program(fqn, zip(), Json.write(Map.of("ANSIBLE_MODULE_ARGS", internals(args, ctx))));
        return HostJob.module(launcher(known, false), program, known.isEmpty() ? "python3" : known);
    }

    private ModuleResult noCore() {
        return ModuleResult.failed("module " + spec.name() + " is a Python module and needs ansible-core's module_utils on the "
                + "controller to be packed; none was found (install ansible-core, or set JPLAY_ANSIBLE_CORE to its 'ansible' directory)");
    }

    /** The shell line that starts Python on the program from stdin ({@link Interpreter#select}, then exec). */
    static String launcher(String known, boolean mark) {
        return Interpreter.select(known, mark) + "exec " + Interpreter.command(known) + " -";
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
