package dev.jplay.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Identical results grouped, the largest group first, hosts in the play's order. */
class GroupingTest {
    @Test
    void groupsIdenticalEntriesLargestFirstInPlayOrder() {
        Grouping g = new Grouping();
        Grouping.Entry same = new Grouping.Entry("", " | CHANGED | rc=0 >>\nother\n", "yellow");
        Grouping.Entry odd = new Grouping.Entry("", " | CHANGED | rc=0 >>\none\n", "yellow");
        Grouping.Entry failed = new Grouping.Entry("", " | FAILED | rc=1 >>\n", "red");
        g.add("lab04", failed);
        g.add("lab03", same);
        g.add("lab01", odd);
        g.add("lab02", same);
        List<Grouping.Group> groups = g.drain(List.of("lab01", "lab02", "lab03", "lab04"));
        assertThat(groups).extracting(Grouping.Group::label).containsExactly("lab02, lab03 (2)", "lab01", "lab04");
        assertThat(groups.get(0).entry()).isEqualTo(same);
        assertThat(g.drain(List.of("lab01"))).as("drained").isEmpty();
    }
}
