package dev.jplay.modules.probes;

import dev.jplay.connection.ShellCommand;
import java.util.List;
import java.util.function.Function;

/**
 * One piece of host state a module needs: a shell snippet and the parser of what it prints (pyinfra's facts).
 * The facts of a module are read together, in one round trip, by {@link Probes#read}; parsers are pure functions
 * of the snippet's output, tested from recorded outputs.
 * <pre>
 * Fact&lt;String&gt; conf = Fact.fileText("/etc/app.conf");
 * Fact&lt;String&gt; mode = Fact.mode("/etc/app.conf");
 * Probes.Values v = Probes.read(ctx, conf, mode);
 * if (v.get(conf) == null) ... // missing
 * </pre>
 */
public record Fact<T>(String command, Function<Probes.Part, T> parser) {
    public T parse(Probes.Part output) {
        return parser.apply(output);
    }

    /** The snippet's output and status as they came. */
    public static Fact<Probes.Part> raw(String command) {
        return new Fact<>(command, p -> p);
    }

    /** The snippet's output lines, whatever its status ({@code ls a b} prints the one that exists and fails). */
    public static Fact<List<String>> lines(String command) {
        return new Fact<>(command, Probes.Part::lines);
    }

    /** A regular file's text; null when there is none. */
    public static Fact<String> fileText(String path) {
        return new Fact<>(HostFiles.cat(path), p -> p.ok() ? p.out() : null);
    }

    /** A path's permission bits in octal as stat prints them ({@code 644}, {@code 1777}); null when it does not exist. */
    public static Fact<String> mode(String path) {
        return new Fact<>("stat -c %a " + ShellCommand.quote(path), p -> p.ok() ? p.out().strip() : null);
    }
}
