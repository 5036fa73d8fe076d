package dev.jplay.modules.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.modules.TestContext;
import dev.jplay.modules.commands.CommandModules;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ArgConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Async jobs on a real host (this machine, through a local connection): job.sh's results as Ansible's
 * async_wrapper writes them (read back with jplay's JSON parser, which is as strict as Python's), its supervisor's
 * time limit, the controller's kill, and async_status over the same files. The async directory is a temp dir.
 */
class JobsTest {
    @TempDir
    Path dir;

    private TestContext ctx() {
        return TestContext.local().evaluator(e -> e.startsWith("ansible_async_dir") ? dir.toString() : "");
    }

    private static Module module(String name) {
        return CommandModules.all().stream().filter(m -> m.spec().name().equals(name)).findFirst().orElseThrow();
    }

    private HostJob job(String module, Map<String, Object> args) throws Exception {
        Module m = module(module);
        ArgConverter.check(m.spec(), args);
        ModuleArgs a = ArgConverter.convert(m.spec(), new LinkedHashMap<>(args));
        return ((Detachable) m).detach(a, ctx());
    }

    @Test
    void aShellJobLeavesTheCommandModulesResultAndAwaitRemovesItsFile() throws Exception {
        TestContext c = ctx();
        Jobs.Started s = Jobs.start(job("shell", Map.of("_raw_params", "printf 'a\\tb\\n\\n'; echo err >&2; exit 3")), 30, c);
        assertThat(s.jid()).matches("j\\d{1,12}\\.\\d+");
        assertThat(s.resultsFile()).isEqualTo(dir.toRealPath().resolve(s.jid()).toString());
        assertThat(s.result()).containsEntry("started", 1L).containsEntry("finished", 0L).containsEntry("changed", true);
        Map<String, Object> r = Jobs.await(s, 20, c);
        assertThat(r).containsEntry("finished", 1L).containsEntry("rc", 3L).containsEntry("failed", true)
                .containsEntry("msg", "non-zero return code").containsEntry("stdout", "a\tb").containsEntry("stderr", "err")
                .containsEntry("stdout_lines", List.of("a\tb")).containsEntry("cmd", "printf 'a\\tb\\n\\n'; echo err >&2; exit 3")
                .containsEntry("ansible_job_id", s.jid()).containsKeys("start", "end", "delta");
        assertThat((String) r.get("delta")).matches("0:00:0\\d\\.\\d{6}");
        assertThat(Path.of(s.resultsFile())).doesNotExist();
    }

    @Test
    void anyBytesTheCommandPrintsComeBackExactly() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i < 128; i++) all.append((char) i);
        String text = all + "é日本\r\n\\\"\n\n";
        Path f = dir.resolve("data");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        TestContext c = ctx();
        Jobs.Started s = Jobs.start(job("command", Map.of("argv", List.of("cat", f.toString()), "strip_empty_ends", false)), 30, c);
        Map<String, Object> r = Jobs.await(s, 20, c);
        assertThat(r.get("stdout")).isEqualTo(text);
        assertThat(r).containsEntry("cmd", List.of("cat", f.toString())).containsEntry("rc", 0L).doesNotContainKey("failed");
    }

    @Test
    void createsSkipsTheCommandInsideTheJob() throws Exception {
        TestContext c = ctx();
        Jobs.Started s = Jobs.start(job("command", Map.of("_raw_params", "touch " + dir.resolve("never"), "creates", dir.toString())), 30, c);
        Map<String, Object> r = Jobs.await(s, 20, c);
        assertThat(r).containsEntry("changed", false).containsEntry("msg", "Did not run command since '" + dir + "' exists")
                .containsEntry("finished", 1L);
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aModulesJsonIsKeptWithItsStderrAndJunkAroundItDropped() throws Exception {
        TestContext c = ctx();
        HostJob j = HostJob.module("cat; echo; printf 'junk after\\n'; echo warning >&2", "motd\n  {\"changed\": true,\n \"x\": [1]}\n".getBytes(),
                "/m");
        Map<String, Object> r = Jobs.await(Jobs.start(j, 30, c), 20, c);
        assertThat(r).containsEntry("changed", true).containsEntry("x", List.of(1L)).containsEntry("stderr", "warning\n")
                .containsEntry("stderr_lines", List.of("warning")).containsEntry("finished", 1L)
                .as("async_wrapper's warning").containsEntry("warnings", List.of("Module invocation had junk after the JSON data: \njunk after"));
        HostJob own = HostJob.module("echo '{\"warnings\": [\"mine\"]}'; echo junk", null, "/m");
        assertThat(Jobs.await(Jobs.start(own, 30, c), 20, c)).as("the module's own warnings are kept").containsEntry("warnings", List.of("mine"));
        HostJob empty = HostJob.module("echo '{}'; echo junk", null, "/m");
        assertThat(Jobs.await(Jobs.start(empty, 30, c), 20, c)).containsEntry("warnings", List.of("Module invocation had junk after the JSON data: junk"));
        Map<String, Object> none = Jobs.await(Jobs.start(HostJob.module("echo no json here", null, "/m"), 30, c), 20, c);
        assertThat(none).containsEntry("failed", true).containsEntry("data", "no json here\n").containsEntry("cmd", "/m");
    }

    @Test
    void theSupervisorKillsAJobThatOutlivesItsLimit() throws Exception {
        TestContext c = ctx();
        Jobs.Started s = Jobs.start(job("shell", Map.of("_raw_params", "sleep 60")), 1, c);
        Map<String, Object> r = Jobs.await(s, 20, c);
        assertThat(r).containsEntry("msg", "Timeout exceeded").containsEntry("failed", true).containsEntry("finished", 1L);
        assertThat(alive(((Number) r.get("child_pid")).longValue())).isFalse();
    }

    @Test
    void killEndsARunningJobAndLeavesTheTimeoutResult() throws Exception {
        TestContext c = ctx();
        Jobs.Started s = Jobs.start(job("shell", Map.of("_raw_params", "sleep 60")), 120, c);
        Map<String, Object> running = Jobs.await(s, 1, c);
        assertThat(running).containsEntry("finished", 0L).containsEntry("started", 1L);
        assertThat(Path.of(s.resultsFile())).exists();
        Jobs.kill(s, c);
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) Json.parse(Files.readString(Path.of(s.resultsFile())));
        assertThat(file).containsEntry("msg", "Timeout exceeded").containsEntry("failed", true);
        long pid = ((Number) file.get("child_pid")).longValue();
        for (int i = 0; i < 50 && alive(pid); i++) Thread.sleep(100);
        assertThat(alive(pid)).as("job process group killed").isFalse();
    }

    @Test
    void asyncStatusReadsAJobAndCleansItUp() throws Exception {
        TestContext c = ctx();
        AsyncStatus st = new AsyncStatus();
        Jobs.Started s = Jobs.start(job("command", Map.of("_raw_params", "echo hi")), 30, c);
        Map<String, Object> r = Map.of();
        for (int i = 0; i < 100 && !JobStatus.finished(r); i++) {
            r = c.run(st, Map.of("jid", s.jid()));
            if (!JobStatus.finished(r)) Thread.sleep(100);
        }
        assertThat(r).containsEntry("stdout", "hi").containsEntry("results_file", s.resultsFile()).containsEntry("started", 1L);
        Map<String, Object> erased = c.run(st, Map.of("jid", s.jid(), "mode", "cleanup"));
        assertThat(erased).containsEntry("erased", s.resultsFile()).containsEntry("started", 0L).doesNotContainKey("failed");
        Map<String, Object> gone = c.run(st, Map.of("jid", s.jid()));
        assertThat(gone).containsEntry("failed", true).containsEntry("msg", "could not find job").containsEntry("finished", 1L);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
