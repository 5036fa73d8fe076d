package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The journal's write pacing (its writes hold the lock worker threads record under). */
class JournalTest {
    @Test
    void writesAtMostEvery250MsAndLessOftenTheLongerAWriteTakes() {
        assertThat(Journal.writeInterval(0)).isEqualTo(250);
        assertThat(Journal.writeInterval(12)).isEqualTo(250);
        // a journal of 100 hosts x 300 tasks took about 210 ms to write: the next write waits 4.2 s, not 250 ms
        assertThat(Journal.writeInterval(210)).isEqualTo(4200);
    }
}
