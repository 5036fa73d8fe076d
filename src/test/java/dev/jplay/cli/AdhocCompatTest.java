package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.ShellWords;
import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Transcripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jplay adhoc} against what {@code ansible} 2.14 printed and returned for the same command line
 * ({@code src/test/resources/adhoc/cases}, recorded by {@code record}): exit codes, warnings, errors and results.
 * Lines are compared as a sorted list (hosts run in parallel; stdout and stderr interleave); the full help that
 * argparse prints before an option error is left out of the expected text.
 */
class AdhocCompatTest {
    static final Path DIR = Path.of("src/test/resources/adhoc").toAbsolutePath();

    record Case(String id, String args) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() throws IOException {
        return Transcripts.cases(DIR.resolve("cases"), 2).stream().map(f -> new Case(f[0].strip(), f[1].strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsAndPrintsAsAnsible(Case c) throws Exception {
        List<String> expected = Files.readAllLines(DIR.resolve("expected/" + c.id() + ".txt"));
        List<String> args = new ArrayList<>(List.of("adhoc", "-i", "hosts"));
        args.addAll(ShellWords.split(c.args()));
        JplayProcess.Run run = JplayProcess.run(DIR, args.toArray(String[]::new));
        assertThat("exit: " + run.exit()).as(run.out()).isEqualTo(expected.get(0));
        assertThat(sorted(withoutHints(run.out().lines().toList()))).as(run.out()).isEqualTo(sorted(withoutHelp(expected.subList(1, expected.size()))));
    }

    /** argparse's usage and help text, printed before an option error, differ by design; the ERROR line stays. */
    static List<String> withoutHelp(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean help = false;
        for (String l : lines) {
            if (l.startsWith("usage: ansible")) help = true;
            else if (help && l.startsWith("Some actions do not make sense in Ad-Hoc")) help = false;
            else if (!help) out.add(l.replace("(did you mean to run ansible-playbook?)", "(did you mean to run jplay site.yml?)"));
        }
        return out;
    }

    /** jplay's own '  = hint: ...' lines under an error are additions by design; the lines Ansible prints stay. */
    static List<String> withoutHints(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("  = hint: ")).toList();
    }

    static List<String> sorted(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).sorted().toList();
    }
}
