package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.output.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor end to end on local-connection hosts: the statuses, recap and variables Ansible 2.14 produces for
 * the same playbooks (checked with ansible-playbook when these cases were written).
 */
class EngineTest {
    @TempDir
    Path dir;

    private Runs runs() {
        return new Runs(dir);
    }

    @Test
    void debugAndWhen() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  vars: {greeting: hello}
                  tasks:
                    - name: say
                      debug: msg="{{ greeting }} {{ inventory_hostname }}"
                    - name: only h2
                      debug: msg=x
                      when: inventory_hostname == 'h2'
                """);
        assertThat(r.res("say", "h1")).containsEntry("msg", "hello h1");
        assertThat(r.rec.status("only h2", "h1").name()).isEqualTo("SKIPPED");
        assertThat(r.rec.status("only h2", "h2").name()).isEqualTo("OK");
        assertThat(r.recap("h1")).isEqualTo("1 0 0 0 1 0 0");
        assertThat(r.recap("h2")).isEqualTo("2 0 0 0 0 0 0");
        assertThat(r.result.exitCode()).isZero();
    }

    @Test
    void loopsRegisterAndChangedWhen() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: items
                      set_fact: last={{ item }}
                      loop: [a, b, c]
                      register: out
                      changed_when: item == 'b'
                    - name: show
                      debug: msg="{{ out.results | length }} {{ out.changed }} {{ last }} {{ out.results[1].item }}"
                """);
        assertThat(r.rec.of(Event.ItemResult.class)).hasSize(3);
        assertThat(r.res("show", "h1")).containsEntry("msg", "3 True c b");
        assertThat(r.recap("h1")).isEqualTo("2 1 0 0 0 0 0");
    }

    @Test
    void extendedLoopVariablesAndExtendedAllitems() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: all
                      debug: msg="x {{ ansible_loop }}"
                      loop: [a, b, c]
                      loop_control: {extended: true}
                    - name: without allitems
                      debug: msg="{{ ansible_loop.allitems is defined }} {{ ansible_loop.index }}"
                      loop: [a, b]
                      loop_control: {extended: true, extended_allitems: "{{ false }}"}
                """);
        List<Event.ItemResult> items = r.rec.of(Event.ItemResult.class);
        assertThat(items.get(1).result().get("msg")).isEqualTo("x {'index': 2, 'index0': 1, 'first': False, 'last': False, "
                + "'length': 3, 'revindex': 2, 'revindex0': 1, 'allitems': ['a', 'b', 'c'], 'nextitem': 'c', 'previtem': 'a'}");
        assertThat(items.get(3).result().get("msg")).isEqualTo("False 1");
    }

    @Test
    void blockRescueAlwaysCountsRescuedNotFailed() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - block:
                        - name: boom
                          fail: msg=broken
                        - name: never reached
                          debug: msg=no
                      rescue:
                        - name: caught
                          debug: msg="{{ ansible_failed_result.msg }}"
                      always:
                        - name: cleanup
                          debug: msg=always
                    - name: after
                      debug: msg=after
                """);
        assertThat(r.rec.statuses()).containsExactly("boom h1 failed", "caught h1 ok", "cleanup h1 ok", "after h1 ok");
        assertThat(r.res("caught", "h1")).containsEntry("msg", "broken");
        assertThat(r.recap("h1")).isEqualTo("3 0 0 0 0 1 0");
        assertThat(r.result.exitCode()).isZero();
    }

    @Test
    void failureWithoutRescueRunsAlwaysThenStopsTheHost() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - block:
                        - name: boom
                          fail: msg=x
                          when: inventory_hostname == 'h1'
                      always:
                        - name: cleanup
                          debug: msg=c
                    - name: after
                      debug: msg=a
                """);
        assertThat(r.rec.status("cleanup", "h1").name()).isEqualTo("OK");
        assertThat(r.rec.status("after", "h1")).isNull();
        assertThat(r.rec.status("after", "h2").name()).isEqualTo("OK");
        assertThat(r.recap("h1")).isEqualTo("1 0 0 1 0 0 0");
        assertThat(r.result.exitCode()).isEqualTo(2);
    }

    @Test
    void ignoreErrorsCountsOkAndIgnored() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: boom
                      fail: msg=x
                      ignore_errors: true
                    - name: next
                      debug: msg=n
                """);
        assertThat(r.rec.statuses()).containsExactly("boom h1 failed ignored", "next h1 ok");
        assertThat(r.recap("h1")).isEqualTo("2 0 0 0 0 0 1");
    }

    @Test
    void handlersRunOnceAtTheEndInDefinitionOrderOnNotifyingHosts() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: change
                      debug: msg=c
                      changed_when: true
                      notify: [second, first]
                    - name: change again
                      debug: msg=c
                      changed_when: inventory_hostname == 'h1'
                      notify: via topic
                    - name: unchanged
                      debug: msg=u
                      notify: never run
                  handlers:
                    - name: first
                      debug: msg=1
                    - name: second
                      debug: msg=2
                      listen: via topic
                    - name: never run
                      debug: msg=n
                """);
        assertThat(r.rec.banners()).containsExactly("change", "change again", "unchanged", "HANDLER first", "HANDLER second");
        assertThat(r.rec.of(Event.HostResult.class).stream().filter(e -> e.task().handler()).count()).isEqualTo(4);
    }

    @Test
    void flushHandlersRunsThemMidPlay() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: change
                      debug: msg=c
                      changed_when: true
                      notify: h
                    - meta: flush_handlers
                    - name: after flush
                      debug: msg=a
                  handlers:
                    - name: h
                      debug: msg=h
                """);
        assertThat(r.rec.banners()).containsExactly("change", "meta", "HANDLER h", "after flush");
    }

    @Test
    void variablePrecedenceAndLazyTemplating() {
        Runs r = runs()
                .file("group_vars/all.yml", "from_group: g\nlevel: group\nchain: \"{{ base }}-x\"\n")
                .file("host_vars/h1.yml", "level: host\n")
                .run("""
                        - hosts: all
                          gather_facts: false
                          vars: {base: "{{ level }}", play_only: p}
                          tasks:
                            - set_fact: level=fact
                              when: false
                            - name: show
                              debug: msg="{{ level }} {{ from_group }} {{ chain }} {{ hostvars['h1'].level }}"
                            - name: task vars win over play vars
                              debug: msg="{{ base }}"
                              vars: {base: task}
                            - set_fact: level=fact
                            - name: set_fact wins over host_vars
                              debug: msg="{{ level }} {{ chain }}"
                        """, o -> o.withExtraVars(Map.of("x_extra", "e")));
        assertThat(r.res("show", "h1")).containsEntry("msg", "host g host-x host");
        assertThat(r.res("task vars win over play vars", "h1")).containsEntry("msg", "task");
        assertThat(r.res("set_fact wins over host_vars", "h1")).containsEntry("msg", "fact fact-x");
    }

    @Test
    void extraVarsWinOverEverything() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  vars: {v: play}
                  tasks:
                    - set_fact: v=fact
                    - name: show
                      debug: var=v
                """, o -> o.withExtraVars(Map.of("v", "extra")));
        assertThat(r.res("show", "h1")).containsEntry("v", "extra");
    }

    @Test
    void includeTasksWithLoopSeesTheItem() {
        Runs r = runs().file("inc.yml", "- name: inside\n  debug: msg=\"got {{ item }}\"\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_tasks: inc.yml
                      loop: [1, 2]
                """);
        List<Event.Included> inc = r.rec.of(Event.Included.class);
        assertThat(inc).hasSize(2);
        assertThat(r.rec.of(Event.HostResult.class)).extracting(e -> e.result().get("msg")).containsExactly("got 1", "got 2");
        assertThat(r.recap("h1")).isEqualTo("4 0 0 0 0 0 0");
    }

    @Test
    void includesPassTheirVarsToTheirTasks() {
        Runs r = runs().file("inc.yml", "- name: inside\n  debug: msg=\"got {{ x }}\"\n")
                .file("roles/r1/tasks/t.yml", "- name: in role\n  debug: msg=\"role {{ x }}\"\n").run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_tasks: inc.yml
                      vars: {x: tasks}
                    - include_role: {name: r1, tasks_from: t}
                      vars: {x: "role{{ item }}"}
                      loop: [1]
                """);
        assertThat(r.rec.of(Event.HostResult.class)).extracting(e -> e.result().get("msg")).containsExactly("got tasks", "role role1");
    }

    @Test
    void untilRetriesUntilTheConditionHolds() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: count
                      debug: msg=try
                      register: res
                      until: res.attempts >= 3
                      retries: 5
                      delay: 0
                    - name: show
                      debug: msg="{{ res.attempts }} {{ res.failed }}"
                """);
        assertThat(r.rec.of(Event.Retrying.class)).hasSize(2);
        assertThat(r.res("show", "h1")).containsEntry("msg", "3 False");
    }

    @Test
    void untilThatNeverHoldsFailsAfterRetries() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: never
                      debug: msg=x
                      register: res
                      until: false
                      retries: 2
                      delay: 0
                """);
        assertThat(r.rec.of(Event.Retrying.class)).hasSize(2);
        assertThat(r.res("never", "h1")).containsEntry("failed", true).containsEntry("attempts", 2L);
    }

    @Test
    void tagsAlwaysAndNever() {
        String pb = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - {name: plain, debug: msg=p}
                    - {name: tagged, debug: msg=t, tags: [prep]}
                    - {name: always, debug: msg=a, tags: [always]}
                    - {name: reset, debug: msg=r, tags: [reset, never]}
                """;
        assertThat(runs().run(pb).rec.banners()).containsExactly("plain", "tagged", "always");
        assertThat(new Runs(dir).run(pb, o -> o.with(Selection.ALL.withTags(Set.of("prep"), Set.of()))).rec.banners()).containsExactly("tagged", "always");
        assertThat(new Runs(dir).run(pb, o -> o.with(Selection.ALL.withTags(Set.of("reset"), Set.of()))).rec.banners()).containsExactly("always", "reset");
        assertThat(new Runs(dir).run(pb, o -> o.with(Selection.ALL.withTags(Set.of(), Set.of("prep")))).rec.banners())
                .containsExactly("plain", "always");
    }

    @Test
    void runOnceRegistersForAllHosts() {
        Runs r = runs().hosts(3).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: once
                      debug: msg="from {{ inventory_hostname }}"
                      run_once: true
                      register: o
                    - name: show
                      debug: msg="{{ o.msg }}"
                """);
        assertThat(r.rec.of(Event.HostResult.class).stream().filter(e -> e.task().banner().equals("once")).count()).isEqualTo(1);
        assertThat(r.res("show", "h3")).containsEntry("msg", "from h1");
    }

    @Test
    void undefinedVariableFailsTheHostWithLocation() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: bad
                      debug: msg="{{ nope }}"
                """);
        assertThat(r.res("bad", "h1").get("msg").toString()).contains("'nope' is undefined").contains("site.yml': line 4");
        assertThat(r.result.exitCode()).isEqualTo(2);
    }

    @Test
    void anUndefinedVariableInAFilterOrTheLoopIsItsMessageAloneAsInAnsible() {
        Runs r = runs().run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: yaml
                      debug:
                        msg: "{{ {'a': nope} | to_yaml }}"
                      ignore_errors: true
                    - name: loop
                      debug: msg="{{ item }}"
                      loop: "{{ nope }}"
                      ignore_errors: true
                    - name: option
                      debug:
                        msg: "{{ [nope] | to_json }}"
                      ignore_errors: true
                """);
        assertThat(r.res("yaml", "h1").get("msg")).isEqualTo("to_yaml - 'nope' is undefined");
        assertThat(r.res("loop", "h1").get("msg")).isEqualTo("'nope' is undefined");
        assertThat(r.res("option", "h1").get("msg").toString())
                .startsWith("The task includes an option with an undefined variable. The error was: 'nope' is undefined")
                .contains("site.yml': line 12, column 7");
    }

    @Test
    void anyErrorsFatalStopsAllHosts() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - name: one fails
                      fail: msg=x
                      when: inventory_hostname == 'h1'
                    - name: not reached
                      debug: msg=n
                """);
        assertThat(r.rec.status("not reached", "h2")).isNull();
        assertThat(r.rec.of(Event.NoMoreHosts.class)).isNotEmpty();
    }

    @Test
    void anyErrorsFatalAlsoWhenAnIncludeFailsToLoad() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - name: missing file
                      include_tasks: nowhere.yml
                      when: inventory_hostname == 'h1'
                    - name: not reached
                      debug: msg=n
                """);
        assertThat(r.rec.status("missing file", "h1").name()).isEqualTo("FAILED");
        assertThat(r.rec.status("not reached", "h2")).isNull();
        assertThat(r.rec.of(Event.NoMoreHosts.class)).isNotEmpty();
        assertThat(r.result.exitCode()).isEqualTo(2);
    }

    @Test
    void serialRunsBatchesOneAfterTheOther() {
        Runs r = runs().hosts(3).run("""
                - hosts: all
                  gather_facts: false
                  serial: 2
                  tasks:
                    - {name: t1, debug: msg=1}
                    - {name: t2, debug: msg=2}
                """);
        assertThat(r.rec.banners()).containsExactly("t1", "t2", "t1", "t2");
    }

    @Test
    void metaEndHostStopsOnlyThatHost() {
        Runs r = runs().hosts(2).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - meta: end_host
                      when: inventory_hostname == 'h1'
                    - {name: after, debug: msg=a}
                """);
        assertThat(r.rec.status("after", "h1")).isNull();
        assertThat(r.rec.status("after", "h2")).isNotNull();
        assertThat(r.result.exitCode()).isZero();
    }

    @Test
    void checkModeIsVisibleToTasks() {
        Runs r = runs().run("- hosts: all\n  gather_facts: false\n  tasks:\n    - {name: c, debug: var=ansible_check_mode}\n",
                o -> o.with(new Mode(true, false, 0)));
        assertThat(r.res("c", "h1")).containsEntry("ansible_check_mode", true);
    }

    @Test
    void ansibleLimitIsDefinedOnlyWithALimit() {
        String pb = "- hosts: all\n  gather_facts: false\n  tasks:\n    - {name: l, debug: \"msg={{ ansible_limit | default('none') }}\"}\n";
        assertThat(runs().run(pb).res("l", "h1")).containsEntry("msg", "none");
        assertThat(runs().run(pb, o -> o.with(Selection.ALL.withLimit("h1"))).res("l", "h1")).containsEntry("msg", "h1");
    }

    @Test
    void omitDropsTheArgument() {
        Runs r = runs().run("- hosts: all\n  gather_facts: false\n  tasks:\n    - {name: o, debug: \"msg={{ none_var | default(omit) }}\"}\n");
        assertThat(r.res("o", "h1")).containsEntry("msg", "Hello world!");
    }

    @Test
    void freeStrategyRunsEveryTask() {
        Runs r = runs().hosts(3).run("""
                - hosts: all
                  gather_facts: false
                  strategy: free
                  tasks:
                    - {name: t1, debug: msg=1}
                    - {name: t2, debug: msg=2}
                """);
        assertThat(r.rec.statuses()).hasSize(6);
        assertThat(r.rec.banners()).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void templatedStrategyIsRenderedAndHostPinnedLetsHostsGoOnAlone() {
        // h1 waits for a file that h2 makes in the next task: only a per-host strategy lets h2 get there
        for (String strategy : List.of("{{ 'free' }}", "host_pinned", "ansible.builtin.free")) {
            Runs r = runs().hosts(2).run("""
                    - hosts: all
                      gather_facts: false
                      strategy: "%s"
                      tasks:
                        - name: wait
                          wait_for: {path: "{{ playbook_dir }}/flag-%s", timeout: 20}
                          when: inventory_hostname == 'h1'
                        - name: make
                          file: {path: "{{ playbook_dir }}/flag-%s", state: touch}
                          when: inventory_hostname == 'h2'
                    """.formatted(strategy, strategy.length(), strategy.length()));
            assertThat(r.rec.status("wait", "h1").name()).as(strategy).isEqualTo("OK");
        }
    }

    @Test
    void throttleHoldsUnderTheFreeStrategyToo() {
        // each host takes a lock directory while it runs: a second host running at the same time fails to make it
        Runs r = runs().hosts(4).run("""
                - hosts: all
                  gather_facts: false
                  strategy: free
                  tasks:
                    - name: one at a time
                      shell: mkdir "{{ playbook_dir }}/lock" && sleep 0.3 && rmdir "{{ playbook_dir }}/lock"
                      throttle: 1
                """);
        for (String h : List.of("h1", "h2", "h3", "h4")) assertThat(r.recap(h)).isEqualTo("1 1 0 0 0 0 0");
    }

    @Test
    void delegateToLocalhostShowsTheDelegate() {
        Runs r = runs().run("- hosts: all\n  gather_facts: false\n  tasks:\n    - {name: d, debug: msg=x, delegate_to: localhost}\n");
        assertThat(r.rec.of(Event.HostResult.class).get(0).delegatedTo()).isEqualTo("localhost");
    }

    @Test
    void rolesDefaultsVarsAndHandlers() {
        Runs r = runs()
                .file("roles/web/defaults/main.yml", "http_port: 80\n")
                .file("roles/web/vars/main.yml", "user: www\n")
                .file("roles/web/tasks/main.yml", "- name: conf\n  debug: msg=\"{{ http_port }} {{ user }} {{ role_name }}\"\n"
                        + "  changed_when: true\n  notify: reload\n")
                .file("roles/web/handlers/main.yml", "- name: reload\n  debug: msg=reloaded\n")
                .run("- hosts: all\n  gather_facts: false\n  roles:\n    - {role: web, http_port: 8080}\n");
        assertThat(r.res("web : conf", "h1")).containsEntry("msg", "8080 www web");
        assertThat(r.rec.banners()).containsExactly("web : conf", "HANDLER web : reload");
    }
}
