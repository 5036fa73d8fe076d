package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jplay inventory} prints what {@code ansible-inventory} 2.14 printed for the same inventory (recorded). */
class InventoryCommandTest {
    static final Path DIR = Path.of("src/test/resources/inventory/basic").toAbsolutePath();

    static Stream<Path> recorded() throws IOException {
        try (Stream<Path> s = Files.list(DIR.resolve("expected"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void matchesAnsibleInventory(Path expected) throws Exception {
        List<String> lines = Files.readAllLines(expected);
        List<String> args = new ArrayList<>(List.of("inventory", "-i", "hosts"));
        args.addAll(List.of(lines.get(0).split(" ")));
        JplayProcess.Run run = JplayProcess.run(DIR, args.toArray(String[]::new));
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(String.join("\n", lines.subList(1, lines.size())).strip());
    }
}
