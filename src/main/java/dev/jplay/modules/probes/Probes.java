package dev.jplay.modules.probes;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several shell snippets on the host in one round trip and splits their outputs apart again, so a module
 * can read all the state it needs (a file, a tool's answer, ...) with a single command. Only stdout is split
 * per snippet; use {@code 2>&1} inside a snippet when its errors matter.
 */
public final class Probes {
    private static final String MARK = "__JPLAY_PART_5c1e__";

    private Probes() {}

    /** One snippet's output and exit status. */
    public record Part(String out, int rc) {
        public boolean ok() {
            return rc == 0;
        }

        /** The output's lines without the trailing empty one. */
        public List<String> lines() {
            return Probes.lines(out);
        }
    }

    /** Runs the snippets in order (each in a subshell) and returns one part per snippet. */
    public static List<Part> run(ModuleContext ctx, String... snippets) throws ConnectionException {
        StringBuilder sb = new StringBuilder();
        for (String s : snippets) {
            sb.append("( ").append(s).append("\n); printf '\\n").append(MARK).append("%s\\n' $?; ");
        }
        ExecResult r = ctx.sh(sb.toString());
        List<Part> parts = new ArrayList<>();
        String out = r.out();
        int from = 0;
        for (int i = 0; i < snippets.length; i++) {
            int at = out.indexOf("\n" + MARK, from);
            if (at < 0) throw new ConnectionException(ConnectionException.Kind.UNREACHABLE,
                    "unexpected output from the host: " + (r.err().isBlank() ? out : r.err()).strip());
            int eol = out.indexOf('\n', at + 1 + MARK.length());
            int rc = Integer.parseInt(out.substring(at + 1 + MARK.length(), eol < 0 ? out.length() : eol).strip());
            parts.add(new Part(out.substring(from, at), rc));
            from = eol < 0 ? out.length() : eol + 1;
        }
        return parts;
    }

    /** Reads the facts in one round trip (in order) and parses each one's output. */
    public static Values read(ModuleContext ctx, Fact<?>... facts) throws ConnectionException {
        List<Part> parts = run(ctx, Arrays.stream(facts).map(Fact::command).toArray(String[]::new));
        Map<Fact<?>, Object> values = new IdentityHashMap<>();
        for (int i = 0; i < facts.length; i++) values.put(facts[i], facts[i].parse(parts.get(i)));
        return new Values(values);
    }

    /** The parsed facts of one {@link #read}, by fact. */
    public record Values(Map<Fact<?>, Object> values) {
        public <T> T get(Fact<T> fact) {
            if (!values.containsKey(fact)) throw new IllegalArgumentException("this fact was not read: " + fact.command());
            @SuppressWarnings("unchecked")
            T v = (T) values.get(fact);
            return v;
        }
    }

    /** Text split into lines (\n), without a trailing empty line. */
    public static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String l : s.split("\n", -1)) out.add(l);
        if (s.endsWith("\n")) out.remove(out.size() - 1);
        return out;
    }
}
