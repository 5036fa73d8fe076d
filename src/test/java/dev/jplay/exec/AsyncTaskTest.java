package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The async and poll keywords end to end on local-connection hosts, with the statuses, results and ASYNC lines that
 * ansible-playbook 2.14 gives for the same tasks (its job files under the play's ansible_async_dir, a temp dir).
 */
class AsyncTaskTest {
    @TempDir
    Path dir;

    private Runs run(String tasks) {
        return run(tasks, o -> o);
    }

    private Runs run(String tasks, java.util.function.UnaryOperator<RunOptions> opts) {
        return new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  vars:
                    ansible_async_dir: "{{ playbook_dir }}/async"
                  tasks:
                """ + tasks.indent(4), opts);
    }

    private List<String> async(Runs r) {
        return r.rec.of(Event.Async.class).stream().map(a -> a.task().banner() + " " + a.step()).toList();
    }

    @Test
    void fireAndForgetThenAsyncStatusUntilFinished() {
        Runs r = run("""
                - name: start
                  shell: sleep 1; echo done
                  async: 30
                  poll: 0
                  register: job
                - name: wait
                  async_status: jid={{ job.ansible_job_id }}
                  register: st
                  until: st.finished
                  retries: 50
                  delay: 1
                - name: cleanup
                  async_status: jid={{ job.ansible_job_id }} mode=cleanup
                """);
        Map<String, Object> start = r.res("start", "h1");
        assertThat(start).containsEntry("started", 1L).containsEntry("finished", 0L).containsEntry("changed", true)
                .containsEntry("failed", 0L).containsKey("ansible_job_id");
        String jid = (String) start.get("ansible_job_id");
        assertThat(start.get("results_file")).isEqualTo(dir.resolve("async").resolve(jid).toString());
        assertThat(r.res("wait", "h1")).containsEntry("stdout", "done").containsEntry("finished", 1L).containsEntry("changed", true)
                .containsEntry("rc", 0L).containsEntry("ansible_job_id", jid);
        assertThat(r.rec.status("cleanup", "h1").name()).isEqualTo("OK");
        assertThat(dir.resolve("async").resolve(jid)).doesNotExist();
        assertThat(r.recap("h1")).isEqualTo("3 2 0 0 0 0 0");
    }

    @Test
    void pollingWaitsForTheJobAndRemovesItsFile() {
        Runs r = run("""
                - name: polled
                  command: echo hi
                  async: 20
                  poll: 1
                  register: p
                - name: looped
                  command: echo {{ item }}
                  loop: [a, b]
                  async: 20
                  poll: 1
                """);
        Map<String, Object> p = r.res("polled", "h1");
        assertThat(p).containsEntry("stdout", "hi").containsEntry("finished", 1L).containsEntry("started", 1L);
        assertThat(dir.resolve("async").resolve((String) p.get("ansible_job_id"))).doesNotExist();
        assertThat(async(r)).containsExactly("polled OK", "looped OK", "looped OK");
        assertThat(r.recap("h1")).isEqualTo("2 2 0 0 0 0 0");
    }

    @Test
    void aMissingProgramFailsInTheJobAsAnsiblesCommandModuleSays() {
        Runs r = run("""
                - name: missing
                  command: no-such-program-here arg
                  async: 20
                  poll: 1
                  ignore_errors: true
                - name: expanded
                  command: $HOME/no-such-program-here
                  async: 20
                  poll: 1
                  ignore_errors: true
                """);
        assertThat(r.res("missing", "h1")).containsEntry("failed", true).containsEntry("changed", false).containsEntry("rc", 2L)
                .containsEntry("cmd", "no-such-program-here arg")
                .containsEntry("msg", "[Errno 2] No such file or directory: b'no-such-program-here'");
        assertThat(r.res("expanded", "h1")).containsEntry("failed", true).containsEntry("rc", 2L)
                .containsEntry("stderr", "[Errno 2] No such file or directory: b'" + System.getenv("HOME") + "/no-such-program-here'");
    }

    @Test
    void aJobOutOfTimeFailsAsAnsibleSaysAndIsKilled() throws Exception {
        Runs r = run("""
                - name: slow
                  shell: echo $$ > {{ playbook_dir }}/pid; exec sleep 60
                  async: 2
                  poll: 1
                  ignore_errors: true
                """);
        Map<String, Object> res = r.res("slow", "h1");
        assertThat(res).containsEntry("failed", true).containsEntry("msg", "async task did not complete within the requested time - 2s");
        assertThat(res.get("async_result")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class)).containsEntry("finished", 0L).containsEntry("started", 1L);
        assertThat(async(r)).containsExactly("slow POLL", "slow POLL", "slow FAILED");
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the job was killed").isFalse();
        assertThat(r.recap("h1")).isEqualTo("1 0 0 0 0 0 1");
    }

    @Test
    void modulesThatRunOnTheControllerAreJobsToo() {
        Runs r = run("""
                - name: ping later
                  ping: data=pong2
                  async: 20
                  poll: 0
                  register: j
                - name: status
                  async_status: jid={{ j.ansible_job_id }}
                  register: s
                  until: s.finished
                  retries: 50
                  delay: 1
                - name: never there
                  wait_for: path={{ playbook_dir }}/never timeout=60
                  async: 2
                  poll: 1
                  ignore_errors: true
                """);
        assertThat(r.res("ping later", "h1")).containsEntry("changed", true).containsEntry("finished", 0L);
        assertThat(r.res("status", "h1")).containsEntry("ping", "pong2").containsEntry("finished", 1L).containsEntry("changed", false);
        assertThat(r.res("never there", "h1")).containsEntry("msg", "async task did not complete within the requested time - 2s");
        assertThat(async(r)).containsExactly("never there POLL", "never there POLL", "never there FAILED");
    }

    @Test
    void refusedWhereAnsibleRefusesIt() {
        Runs r = run("""
                - name: copy
                  copy: content=x dest={{ playbook_dir }}/x
                  async: 5
                  poll: 0
                  ignore_errors: true
                - name: checked
                  command: echo hi
                  async: 5
                  poll: 0
                  check_mode: true
                  ignore_errors: true
                - name: zero
                  command: echo hi
                  async: 0
                  poll: 0
                """);
        assertThat(r.res("copy", "h1")).containsEntry("msg", "async is not supported for this task.");
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(r.res("checked", "h1")).containsEntry("msg", "check mode and async cannot be used on same task.");
        assertThat(r.res("zero", "h1")).containsEntry("stdout", "hi").doesNotContainKey("ansible_job_id");
    }
}
