package dev.jplay.modules;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module whose logic runs on the host as one POSIX sh script (a resource next to the module's class), in one round
 * trip: the parameters are shell variables set before the script, read on stdin by {@code sh -s}; the script prints
 * its results as fields ({@code emit NAME VALUE}: a line {@code $M NAME}, the value, a newline), which come back in
 * order. The marker {@code $M} is set for the script.
 */
public final class HostScript {
    private static final String MARK = "__JPLAY_FIELD_8d2c__";

    private final String text;

    private HostScript(String text) {
        this.text = text;
    }

    /** The script {@code name} from the resources of {@code owner}'s package. */
    public static HostScript load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " for " + owner.getName());
            return new HostScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a run printed, in order ({@link #get} gives the last value of a name). */
    public record Fields(List<Map.Entry<String, String>> all, ExecResult result) {
        public String get(String name) {
            String v = null;
            for (Map.Entry<String, String> e : all) if (e.getKey().equals(name)) v = e.getValue();
            return v;
        }

        public boolean has(String name) {
            return get(name) != null;
        }

        /** The module's failure when its script printed no field at all (it died before its first line): stderr and rc. */
        public ModuleResult printedNothing(String module) {
            return ModuleResult.failed(module + ": the module's script printed nothing: " + result.err().strip()).put("rc", (long) result.rc());
        }

        /**
         * The failure the script reported ({@code failed} with {@code msg}; {@code rc}, {@code stdout}, {@code stderr}
         * and {@code cmd} of the command that failed when it gave them), or null when it reported none.
         */
        public ModuleResult reportedFailure() {
            if (!has("failed")) return null;
            ModuleResult r = ModuleResult.failed(get("msg"));
            if (has("rc")) {
                r.put("rc", Long.parseLong(get("rc"))).put("stdout", get("stdout")).put("stderr", get("stderr")).withOutputLines();
                if (has("cmd")) r.put("cmd", get("cmd"));
            }
            return r;
        }

        public List<String> every(String name) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, String> e : all) if (e.getKey().equals(name)) out.add(e.getValue());
            return out;
        }
    }

    /** Runs the script with these variables (null values become empty) under the task's become and environment. */
    public Fields run(ModuleContext ctx, Map<String, String> vars) throws ConnectionException {
        StringBuilder sb = new StringBuilder("M=").append(MARK).append('\n');
        vars.forEach((k, v) -> sb.append(k).append('=').append(ShellCommand.quote(v == null ? "" : v)).append('\n'));
        sb.append(text);
        ExecResult r = ctx.exec(ExecRequest.of("/bin/sh -s").withStdin(sb.toString().getBytes(StandardCharsets.UTF_8)));
        return new Fields(parse(r.out()), r);
    }

    static List<Map.Entry<String, String>> parse(String out) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String head = MARK + " ";
        int at = out.startsWith(head) ? 0 : out.indexOf("\n" + head);
        if (at > 0) at++;
        while (at >= 0) {
            int eol = out.indexOf('\n', at);
            if (eol < 0) break;
            String name = out.substring(at + head.length(), eol);
            int next = out.indexOf("\n" + head, eol);
            String value = next < 0 ? out.substring(eol + 1) : out.substring(eol + 1, next + 1);
            if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
            fields.add(Map.entry(name, value));
            at = next < 0 ? -1 : next + 1;
        }
        return fields;
    }

    /** Shell variables from name/value pairs, in order. */
    public static Map<String, String> vars(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
