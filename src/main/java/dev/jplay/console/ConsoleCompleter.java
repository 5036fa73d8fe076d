package dev.jplay.console;

import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: the first word from built-ins and module names; after {@code cd}, hosts and groups; the values
 * of settings ({@code yes}/{@code no}, become methods); after {@code help}, commands and modules; after a module, its
 * parameters as {@code name=}, a parameter's choices after {@code name=}, and file names for path parameters and
 * {@code save}.
 */
final class ConsoleCompleter implements Completer {
    private final Runner runner;
    private final Completers.FileNameCompleter files = new Completers.FileNameCompleter();

    ConsoleCompleter(Runner runner) {
        this.runner = runner;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        String current = line.word();
        if (line.wordIndex() == 0) {
            Console.BUILTINS.forEach(b -> out.add(new Candidate(b)));
            runner.modules().forEach(m -> out.add(new Candidate(m)));
            return;
        }
        String first = words.get(0);
        switch (first) {
            case "cd" -> {
                runner.groups().forEach(g -> out.add(new Candidate(g)));
                runner.hosts("all").forEach(h -> out.add(new Candidate(h)));
                return;
            }
            case "list" -> {
                out.add(new Candidate("groups"));
                return;
            }
            case "become", "check", "diff", "grouped" -> {
                out.add(new Candidate("yes"));
                out.add(new Candidate("no"));
                return;
            }
            case "become_method" -> {
                SettingsCommands.BECOME_METHODS.forEach(m -> out.add(new Candidate(m)));
                return;
            }
            case "help" -> {
                Console.BUILTINS.forEach(b -> out.add(new Candidate(b)));
                runner.modules().forEach(m -> out.add(new Candidate(m)));
                return;
            }
            case "save" -> {
                files.complete(reader, line, out);
                return;
            }
            default -> { }
        }
        ModuleSpec spec = runner.spec(first);
        if (spec == null) return;
        int eq = current.indexOf('=');
        if (eq < 0) {
            for (Param p : spec.params()) {
                if (!p.name().startsWith("_")) out.add(new Candidate(p.name() + "=", p.name() + "=", null, p.description(), null, null, false));
            }
            return;
        }
        Param p = spec.paramsByName().get(current.substring(0, eq));
        if (p == null) return;
        String prefix = current.substring(0, eq + 1);
        if (!p.choices().isEmpty()) {
            for (Object c : p.choices()) out.add(new Candidate(prefix + c));
        } else if (p.type() == ParamType.PATH) {
            List<Candidate> found = new ArrayList<>();
            files.complete(reader, new PathWord(line, current.substring(eq + 1)), found);
            for (Candidate c : found) out.add(new Candidate(prefix + c.value(), c.displ(), null, null, null, null, c.complete()));
        }
    }

    /** The value part of {@code name=value} as the word the file completer works on. */
    private record PathWord(ParsedLine parsed, String word) implements ParsedLine {
        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return parsed.wordIndex();
        }

        @Override
        public List<String> words() {
            return parsed.words();
        }

        @Override
        public String line() {
            return parsed.line();
        }

        @Override
        public int cursor() {
            return parsed.cursor();
        }
    }
}
