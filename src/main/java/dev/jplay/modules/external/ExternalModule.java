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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        ExecResult r = ctx.exec(ExecRequest.of(script(module.length)).withStdin(stdin(module, args, ctx)));
        return answer(r);
    }

    @Override
    public HostJob detach(ModuleArgs args, ModuleContext ctx) {
        byte[] module;
        try {
            module = Files.readAllBytes(file);
        } catch (IOException e) {
            return HostJob.answer(ModuleResult.failed("cannot read module " + file + ": " + e.getMessage()).toMap());
        }
        return HostJob.module(script(module.length), stdin(module, args, ctx), file.toString());
    }

    /** The module file and then its argument file, as {@link #script} reads them from stdin. */
    private byte[] stdin(byte[] module, ModuleArgs args, ModuleContext ctx) {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.writeBytes(module);
        stdin.writeBytes(arguments(args, ctx).getBytes(StandardCharsets.UTF_8));
        return stdin.toByteArray();
    }

    /** Writes the module and its arguments from stdin into a private directory, runs it there, removes the directory. */
    private String script(int moduleLength) {
        return "umask 077; d=$(mktemp -d \"${TMPDIR:-/tmp}/jplay-module-XXXXXX\") || exit 1; "
                + "head -c " + moduleLength + " > \"$d/" + spec.name() + "\" && cat > \"$d/args\" && chmod 0700 \"$d/" + spec.name() + "\" "
                + "&& \"$d/" + spec.name() + "\" \"$d/args\"; rc=$?; rm -rf \"$d\"; exit $rc";
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

    /** A module's printed answer as its result (the first JSON object on stdout), else Ansible's MODULE FAILURE. */
    public static ModuleResult answer(ExecResult r) {
        String out = r.out().strip();
        Object parsed = null;
        int start = out.indexOf('{');
        if (start >= 0) {
            try {
                parsed = Json.parse(out.substring(start));
            } catch (RuntimeException e) {
                parsed = null;
            }
        }
        if (parsed instanceof Map<?, ?> m) {
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
            result.putIfAbsent("changed", false);
            if (r.rc() != 0) result.putIfAbsent("failed", true);
            return ModuleResult.of(result);
        }
        ModuleResult failed = ModuleResult.failed("MODULE FAILURE\nSee stdout/stderr for the exact error");
        return failed.put("module_stdout", r.out()).put("module_stderr", r.err()).put("rc", r.rc());
    }
}
