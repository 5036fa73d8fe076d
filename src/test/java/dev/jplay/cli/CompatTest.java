package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Transcripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jplay against recorded ansible-playbook output: each case in {@code compat/cases} runs with jplay (local
 * connection) and must print what ansible-playbook 2.14 printed for it ({@code compat/expected/ID.txt}, made by
 * {@code compat/record}) and exit the same way. Host lines within one task may come in any order (hosts run in
 * parallel), so each section's lines are compared as a sorted list; paths under the cases' directory are written
 * {@code $COMPAT/...} in the recorded output. Each run gets an empty directory as the variable {@code scratch}
 * ({@code $SCRATCH} in the output) for the files a case makes.
 */
class CompatTest {
    static final Path DIR = Path.of("src/test/resources/compat").toAbsolutePath();

    record Case(String id, String playbook, List<String> flags) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String[] f : Transcripts.cases(DIR.resolve("cases"), -1)) {
            List<String> flags = f.length > 3 && !f[3].isBlank() ? Arrays.asList(f[3].strip().split("\\s+")) : List.of();
            out.add(new Case(f[0].strip(), f[1].strip(), flags));
        }
        return out.stream();
    }

    /**
     * ansible-playbook's {@code -v} header (its version, paths and Python, then which callbacks it skipped) describes
     * the Python installation; jplay prints its own. The cases compare what comes after it.
     */
    static List<String> withoutVersionHeader(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean header = false;
        for (String l : lines) {
            if (l.startsWith("ansible-playbook [core ")) header = true;
            else if (header && !l.startsWith("  ")) header = false;
            if (!header && !l.startsWith("Skipping callback '")) out.add(l);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatAnsiblePrints(Case c) throws Exception {
        List<String> expected = Files.readAllLines(DIR.resolve("expected/" + c.id() + ".txt"));
        Path scratch = Files.createTempDirectory("compat-");
        List<String> args = new ArrayList<>(List.of("-i", "hosts", c.playbook()));
        args.addAll(c.flags());
        args.addAll(List.of("-e", "scratch=" + scratch));
        JplayProcess.Run run;
        try {
            run = JplayProcess.run(DIR, args.toArray(String[]::new));
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        assertThat("exit: " + run.exit()).as(run.out()).isEqualTo(expected.get(0));
        List<String> out = run.out().replace(scratch.toString(), "$SCRATCH").replace(DIR.toString(), "$COMPAT").lines().toList();
        assertThat(Transcripts.normalize(out)).isEqualTo(Transcripts.normalize(withoutVersionHeader(expected.subList(1, expected.size()))));
    }
}
