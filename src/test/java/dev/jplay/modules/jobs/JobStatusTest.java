package dev.jplay.modules.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The async_status module's reading of a job file, case by case (ansible-core 2.14's modules/async_status.py). */
class JobStatusTest {
    @Test
    void runningFinishedMissingAndUnparseable() {
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"j1.2\"}"))
                .containsEntry("finished", 0L).containsEntry("started", 1L).containsEntry("stdout", "").doesNotContainKey("failed");
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "{\"rc\": 0, \"stdout\": \"a\\r\\nb\\u2028c\"}")).containsEntry("finished", 1L)
                .containsEntry("ansible_job_id", "j1.2").containsEntry("stdout_lines", List.of("a", "b", "c"));
        assertThat(JobStatus.of("j1.2", "/d/j1.2", null)).containsEntry("failed", true).containsEntry("msg", "could not find job")
                .containsEntry("finished", 1L).containsEntry("results_file", "/d/j1.2");
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "{\"rc\": ")).containsEntry("finished", 0L).containsEntry("started", 1L);
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "")).containsEntry("finished", 0L);
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "{\"failed\": 1, \"msg\": \"x\"}")).containsEntry("failed", true);
        assertThat(JobStatus.of("j1.2", "/d/j1.2", "{\"started\": 1}")).containsEntry("finished", 0L);
    }

    @Test
    void cleanup() {
        assertThat(JobStatus.erased("j", "/d/j", true)).containsEntry("erased", "/d/j").containsEntry("started", 0L).doesNotContainKey("failed");
        assertThat(JobStatus.erased("j", "/d/j", false)).containsEntry("failed", true).containsEntry("finished", 1L);
    }
}
