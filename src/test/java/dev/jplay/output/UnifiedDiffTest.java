package dev.jplay.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff is Python difflib's unified_diff, line for line (cases recorded from Python by difflib-cases.py). */
class UnifiedDiffTest {
    private static List<String> diff(List<String> a, List<String> b) {
        return UnifiedDiff.diff(a, b, "before", "after", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRecordedCaseIsWhatDifflibPrints() throws IOException {
        List<Object> cases;
        try (InputStream in = UnifiedDiffTest.class.getResourceAsStream("/diff/difflib-cases.json")) {
            cases = (List<Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(cases).hasSizeGreaterThan(200);
        for (Object o : cases) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<String> a = (List<String>) c.get("a");
            List<String> b = (List<String>) c.get("b");
            assertThat(diff(a, b)).as("a=%s b=%s", a, b).isEqualTo(c.get("diff"));
        }
    }

    @Test
    void equalTextsHaveNoDiffAndHunksAreSplitPastSixEqualLines() {
        assertThat(diff(List.of("a\n"), List.of("a\n"))).isEmpty();
        assertThat(diff(List.of(), List.of())).isEmpty();
        List<String> a = new ArrayList<>();
        for (int i = 1; i <= 20; i++) a.add(i + "\n");
        List<String> b = new ArrayList<>(a);
        b.set(1, "two\n");
        b.set(17, "eighteen\n");
        assertThat(diff(a, b)).containsExactly("--- before\n", "+++ after\n",
                "@@ -1,5 +1,5 @@\n", " 1\n", "-2\n", "+two\n", " 3\n", " 4\n", " 5\n",
                "@@ -15,6 +15,6 @@\n", " 15\n", " 16\n", " 17\n", "-18\n", "+eighteen\n", " 19\n", " 20\n");
    }

    @Test
    void anEmptySideHasDifflibsZeroRange() {
        assertThat(diff(List.of(), List.of("x\n", "y\n"))).containsExactly("--- before\n", "+++ after\n", "@@ -0,0 +1,2 @@\n", "+x\n", "+y\n");
        assertThat(diff(List.of("x\n"), List.of())).containsExactly("--- before\n", "+++ after\n", "@@ -1 +0,0 @@\n", "-x\n");
    }

    @Test
    void largeTextsUseLinearMemoryAndBoundedWork() {
        // 60,000 lines against 60,000 others: an n×m table would need 14 GB; the matcher keeps only the line index
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            a.add("line " + i + "\n");
            b.add((i % 1000 == 0 ? "changed " : "line ") + i + "\n");
        }
        List<String> d = diff(a, b);
        assertThat(d.stream().filter(l -> l.startsWith("-"))).hasSize(61); // 60 removed + "--- before"
        assertThat(d.stream().filter(l -> l.startsWith("@@"))).hasSize(60);
        List<String> same = Collections.nCopies(5000, "same\n");
        List<String> other = new ArrayList<>(same);
        other.set(2500, "x\n");
        assertThat(diff(same, other)).contains("-same\n", "+x\n");
    }
}
