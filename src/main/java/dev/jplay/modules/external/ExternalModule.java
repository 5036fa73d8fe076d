package dev.jplay.modules.external;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.data.Json;
import dev.jplay.data.Py;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.jobs.Detachable;
import dev.jplay.modules.jobs.HostJob;
import dev.jplay.modules.python.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One drop-in module. Runs in one round trip: the module file and its argument file travel on the command's stdin
 * (never on the command line, so {@code no_log} values stay out of process listings), the module runs from a
 * private temporary directory that is removed afterwards, and its JSON answer becomes the task result.
 */
public final class ExternalModule implements Module, Detachable {
    private static final Pattern SHORT = Pattern.compile("(?m)^\\s*#?\\s*short_description:\\s*(.+)$");
    private final Path file;
    private final ModuleSpec spec;
    private final boolean wantJson;

    private ExternalModule(Path file, ModuleSpec spec, boolean wantJson) {
        this.file = file;
        this.spec = spec;
        this.wantJson = wantJson;
    }

    static ExternalModule load(String name, Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = SHORT.matcher(text);
        String shortDesc = m.find() ? m.group(1).strip() : "External module " + file.getFileName();
        ModuleSpec spec = ModuleSpec.builder(name).doc(shortDesc, shortDesc + " (drop-in module " + file + ").")
                .acceptsAnyArgs().performance("1 round trip (module and arguments sent on stdin)").build();
        return new ExternalModule(file, spec, text.contains("WANT_JSON"));
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        byte[] module;
        try {
            module = Files.readAllBytes(file);
        } catch (IOException e) {
            return ModuleResult.failed("cannot read module " + file + ": " + e.getMessage());
        }
        Shebang shebang = Shebang.of(module, ctx);
        ExecResult r = ctx.exec(ExecRequest.of(script(shebang, true)).withStdin(stdin(shebang.module(), args, ctx)));
        Interpreter.Outcome o = Interpreter.outcome(r);
        if (o.missing()) return o.noPython(spec.name(), "");
        return o.report(answer(o.result(), shebang.interpreter(), ctx::warn));
    }

    @Override
    public HostJob detach(ModuleArgs args, ModuleContext ctx) {
        byte[] module;
        try {
            module = Files.readAllBytes(file);
        } catch (IOException e) {
            return HostJob.answer(ModuleResult.failed("cannot read module " + file + ": " + e.getMessage()).toMap());
        }
        Shebang shebang = Shebang.of(module, ctx);
        return HostJob.module(script(shebang, false), stdin(shebang.module(), args, ctx), file.toString());
    }

    /** The module file and then its argument file, as {@link #script} reads them from stdin. */
    private byte[] stdin(byte[] module, ModuleArgs args, ModuleContext ctx) {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.writeBytes(module);
        stdin.writeBytes(arguments(args, ctx).getBytes(StandardCharsets.UTF_8));
        return stdin.toByteArray();
    }

    /**
     * Writes the module and its arguments from stdin into a private directory, runs it there (under the discovered
     * Python when its {@code #!} line asks for one that is still unknown), removes the directory.
     */
    private String script(Shebang shebang, boolean mark) {
        String path = "\"$d/" + spec.name() + "\"";
        return shebang.select(mark) + "umask 077; d=$(mktemp -d \"${TMPDIR:-/tmp}/jplay-module-XXXXXX\") || exit 1; "
                + "head -c " + shebang.module().length + " > " + path + " && cat > \"$d/args\" && chmod 0700 " + path + " "
                + "&& " + shebang.command() + path + " \"$d/args\"; rc=$?; rm -rf \"$d\"; exit $rc";
    }

    /** The argument file: JSON for WANT_JSON modules, else {@code key=value} words; Ansible's internal keys included. */
    private String arguments(ModuleArgs args, ModuleContext ctx) {
        Map<String, Object> all = new LinkedHashMap<>(args.all());
        all.put("_ansible_check_mode", ctx.check());
        all.put("_ansible_diff", ctx.diff());
        all.put("_ansible_verbosity", ctx.verbosity());
        if (wantJson) return Json.write(all);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> {
            String text = v instanceof Map<?, ?> || v instanceof java.util.List<?> ? Json.write(v) : Py.str(v);
            sb.append(k).append('=').append(Py.shellQuote(text)).append(' ');
        });
        return sb.toString().strip();
    }

    /**
     * A module's printed answer as its result (its JSON object, junk around it dropped as Ansible drops it, trailing
     * junk reported to {@code warn}), else Ansible's MODULE FAILURE; when the module's {@code interpreter} (null:
     * unknown) is missing on the host, the failure says so, as Ansible's does.
     */
    public static ModuleResult answer(ExecResult r, String interpreter, Consumer<String> warn) {
        JsonLines lines = JsonLines.of(r.out());
        Object parsed = null;
        if (lines != null) {
            try {
                parsed = Json.parse(lines.json());
            } catch (RuntimeException e) {
                parsed = null;
            }
        }
        if (parsed instanceof Map<?, ?> m) {
            lines.warnings().forEach(warn);
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
            result.putIfAbsent("changed", false);
            if (r.rc() != 0) result.putIfAbsent("failed", true);
            return ModuleResult.of(result);
        }
        String msg = interpreter != null && missing(interpreter, r) ? "The module failed to execute correctly, you probably need to set the interpreter."
                : "MODULE FAILURE";
        ModuleResult failed = ModuleResult.failed(msg + "\nSee stdout/stderr for the exact error");
        failed.put("module_stdout", r.out()).put("module_stderr", r.err());
        if (r.err().startsWith("Traceback")) failed.put("exception", r.err());
        else if (r.out().startsWith("Traceback")) failed.put("exception", r.out());
        return failed.put("rc", r.rc());
    }

    private static boolean missing(String interpreter, ExecResult r) {
        Pattern p = Pattern.compile(Pattern.quote(interpreter) + ": (?:No such file or directory|not found)");
        return p.matcher(r.err()).find() || p.matcher(r.out()).find();
    }
}
