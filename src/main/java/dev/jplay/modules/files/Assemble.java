package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code assemble}: concatenates the files of a directory (on the host with {@code remote_src}, the default, else
 * on the controller) in name order into {@code dest}, with Ansible's delimiter and newline rules, then places the
 * result as copy does (checksum first, validate, backup, attributes, check and diff). One round trip reads the
 * fragments.
 */
public final class Assemble implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("assemble")
            .doc("Assemble configuration files from fragments", "Concatenates the fragment files of a directory, sorted by name, into dest.")
            .param(Param.of("src").path().required().doc("Directory of fragments."))
            .param(Param.of("dest").path().required())
            .param(Param.of("remote_src").bool().def(true).doc("False: the fragments are on the controller."))
            .param(Param.of("delimiter").str().doc("Written between fragments (escapes like \\n decoded)."))
            .param(Param.of("regexp").str().doc("Only fragments whose names match (search)."))
            .param(Param.of("ignore_hidden").bool().def(false))
            .param(Param.of("backup").bool().def(false)).param(Param.of("validate").str()).param(Param.of("decrypt").bool().def(true))
            .param(Param.of("mode").raw()).param(Param.of("owner").str()).param(Param.of("group").str())
            .param(Param.of("seuser").str()).param(Param.of("serole").str()).param(Param.of("setype").str()).param(Param.of("selevel").str())
            .param(Param.of("unsafe_writes").bool().def(false)).param(Param.of("attributes").str().aliases("attr"))
            .diff(true).returns("dest", "the assembled file", "always").returns("checksum", "sha1 of the result", "success")
            .example("- ansible.builtin.assemble:\n    src: /etc/someapp/fragments\n    dest: /etc/someapp/someapp.conf")
            .performance("1 round trip to read the fragments, then as copy").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        Map<String, byte[]> fragments;
        if (a.bool("remote_src")) {
            ExecResult r = ctx.sh("cd -- " + quote(a.str("src")) + " || exit 3; for f in .* *; do [ -f \"$f\" ] || continue; "
                    + "printf '%s\\n%s\\n' \"$f\" \"$(wc -c < \"$f\")\"; cat -- \"$f\"; done");
            if (r.rc() == 3) return ModuleResult.failed("Source (" + a.str("src") + ") is not a directory");
            if (!r.ok()) return ModuleResult.failed("cannot read " + a.str("src") + ": " + r.err().strip());
            fragments = parse(r.stdout());
        } else {
            Path dir = ctx.findFile(a.str("src"), "files");
            if (dir == null || !Files.isDirectory(dir)) return ModuleResult.failed("Source (" + a.str("src") + ") is not a directory");
            fragments = local(dir, ctx, a.bool("decrypt"));
        }
        byte[] data = assemble(fragments, a.str("delimiter"), a.has("regexp") ? Pattern.compile(a.str("regexp")) : null, a.bool("ignore_hidden"));
        Map<String, Object> args = new LinkedHashMap<>(a.all());
        args.put("force", true);
        return ContentCopy.run(ctx, new ModuleArgs(args), new ContentCopy.Source(data, a.str("src"), null, null), a.str("dest"));
    }

    /** Ansible's assembly: a newline after a fragment that lacks one, the delimiter (and a newline) between fragments. */
    static byte[] assemble(Map<String, byte[]> fragments, String delimiter, Pattern regexp, boolean ignoreHidden) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean delimit = false;
        boolean newline = false;
        for (var e : new TreeMap<>(fragments).entrySet()) {
            if (regexp != null && !regexp.matcher(e.getKey()).find()) continue;
            if (ignoreHidden && e.getKey().startsWith(".")) continue;
            if (newline) out.write('\n');
            if (delimit && delimiter != null && !delimiter.isEmpty()) {
                out.writeBytes(unescape(delimiter).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            out.writeBytes(e.getValue());
            delimit = true;
            byte[] v = e.getValue();
            newline = v.length == 0 || v[v.length - 1] != '\n';
        }
        return out.toByteArray();
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\\\", "\\");
    }

    /** {@code name\nsize\n<bytes>} records. */
    private static Map<String, byte[]> parse(byte[] out) {
        Map<String, byte[]> m = new TreeMap<>();
        int i = 0;
        while (i < out.length) {
            int nl = indexOf(out, i);
            String name = new String(out, i, nl - i, StandardCharsets.UTF_8);
            int nl2 = indexOf(out, nl + 1);
            int size = Integer.parseInt(new String(out, nl + 1, nl2 - nl - 1, StandardCharsets.US_ASCII).strip());
            byte[] data = java.util.Arrays.copyOfRange(out, nl2 + 1, nl2 + 1 + size);
            m.put(name, data);
            i = nl2 + 1 + size;
        }
        return m;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == '\n') return i;
        return b.length;
    }

    private static Map<String, byte[]> local(Path dir, ModuleContext ctx, boolean decrypt) {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                byte[] data = Files.readAllBytes(f);
                if (decrypt && dev.jplay.source.Decrypter.isVault(data)) {
                    data = ctx.vault().decryptBytes(new String(data, StandardCharsets.US_ASCII), dev.jplay.source.Loc.of(f.toString()));
                }
                m.put(f.getFileName().toString(), data);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }
}
