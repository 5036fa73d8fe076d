package dev.jplay.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
    @TempDir
    Path dir;

    @Test
    void parsesActionsArgsAndKeywords() {
        LoaderFixture f = new LoaderFixture(dir).file("site.yml", """
                - name: demo
                  hosts: web:db
                  become: yes
                  vars: {a: 1}
                  tasks:
                    - name: kv args
                      ansible.builtin.copy: src=a.txt dest="/tmp/my file" mode=0644
                    - command: echo hello creates=/tmp/x
                    - local_action: command echo local
                    - action: copy content=hi dest=/tmp/b
                    - copy:
                        content: "{{ x }}"
                        dest: /tmp/c
                      args:
                        mode: "0600"
                      register: out
                      when: a == 1
                      notify: restart
                  handlers:
                    - name: restart
                      command: "true"
                """);
        Playbook pb = f.load("site.yml");
        Play play = pb.plays().get(0);
        assertThat(play.hosts()).isEqualTo("web:db");
        List<Task> t = LoaderFixture.tasks(play.tasks());
        assertThat(t.get(0).action()).isEqualTo("copy");
        assertThat(t.get(0).written()).isEqualTo("ansible.builtin.copy");
        assertThat(t.get(0).args()).containsEntry("src", "a.txt").containsEntry("dest", "/tmp/my file").containsEntry("mode", "0644");
        assertThat(t.get(0).keywords().get("become")).isEqualTo(true);
        assertThat(t.get(1).args()).containsEntry("_raw_params", "echo hello").containsEntry("creates", "/tmp/x");
        assertThat(t.get(2).keywords().get("delegate_to")).isEqualTo("localhost");
        assertThat(t.get(2).args()).containsEntry("_raw_params", "echo local");
        assertThat(t.get(3).action()).isEqualTo("copy");
        assertThat(t.get(4).args()).containsEntry("mode", "0600").containsEntry("content", "{{ x }}");
        assertThat(t.get(4).register()).isEqualTo("out");
        assertThat(t.get(4).when()).containsExactly("a == 1");
        assertThat(t.get(4).notifies()).containsExactly("restart");
        assertThat(play.handlers()).extracting(Task::name).containsExactly("restart");
        assertThat(t.get(4).loc().line()).isEqualTo(11);
    }

    @Test
    void blocksPushKeywordsTagsWhenAndVarsDown() {
        Playbook pb = new LoaderFixture(dir).file("p.yml", """
                - hosts: all
                  tags: play
                  tasks:
                    - block:
                        - name: inner
                          command: "true"
                          when: y
                          tags: t
                          vars: {v: 2}
                      rescue:
                        - command: "false"
                      always:
                        - command: "true"
                      when: x
                      tags: blk
                      become: true
                      vars: {v: 1, w: 1}
                """).load("p.yml");
        Block b = (Block) pb.plays().get(0).tasks().get(0);
        Task inner = (Task) b.block().get(0);
        assertThat(inner.when()).containsExactly("x", "y");
        assertThat(inner.tags()).containsExactlyInAnyOrder("play", "blk", "t");
        assertThat(inner.keywords().get("become")).isEqualTo(true);
        assertThat(inner.vars()).containsEntry("v", 2L).containsEntry("w", 1L);
        assertThat(b.rescue()).hasSize(1);
        assertThat(((Task) b.always().get(0)).tags()).contains("blk");
    }

    @Test
    void loopsAndLoopControl() {
        Playbook pb = new LoaderFixture(dir).file("p.yml", """
                - hosts: all
                  tasks:
                    - command: echo {{ item }}
                      with_items: [a, b]
                    - command: echo {{ x }}
                      loop: "{{ things }}"
                      loop_control: {loop_var: x, index_var: i, label: "{{ x.name }}"}
                """).load("p.yml");
        List<Task> t = LoaderFixture.tasks(pb.plays().get(0).tasks());
        assertThat(t.get(0).loop().with()).isEqualTo("items");
        assertThat(t.get(0).loop().items()).isEqualTo(List.of("a", "b"));
        assertThat(t.get(1).loop().with()).isNull();
        assertThat(t.get(1).loop().control().loopVar()).isEqualTo("x");
        assertThat(t.get(1).loop().control().indexVar()).isEqualTo("i");
    }

    @Test
    void importTasksIsInlinedWithItsTagsAndIncludeTasksStaysDynamic() {
        Playbook pb = new LoaderFixture(dir)
                .file("tasks/prep.yml", "- name: prepared\n  command: echo prep\n")
                .file("p.yml", """
                        - hosts: all
                          tasks:
                            - import_tasks: tasks/prep.yml
                              tags: prep
                              when: do_prep
                            - include_tasks: tasks/prep.yml
                              tags: inc
                        """).load("p.yml");
        List<TaskNode> nodes = pb.plays().get(0).tasks();
        Block imported = (Block) nodes.get(0);
        Task prepared = (Task) imported.block().get(0);
        assertThat(prepared.name()).isEqualTo("prepared");
        assertThat(prepared.tags()).containsExactly("prep");
        assertThat(prepared.when()).containsExactly("do_prep");
        assertThat(prepared.dir()).isEqualTo(dir.resolve("tasks"));
        Task include = (Task) nodes.get(1);
        assertThat(include.action()).isEqualTo("include_tasks");
        assertThat(include.tags()).containsExactly("inc");
    }

    @Test
    void rolesWithDependenciesDefaultsVarsHandlersAndDeduplication() {
        LoaderFixture f = new LoaderFixture(dir)
                .file("roles/base/tasks/main.yml", "- name: base task\n  command: echo base\n")
                .file("roles/base/defaults/main.yml", "port: 80\n")
                .file("roles/web/meta/main.yml", "dependencies:\n  - role: base\n    tags: dep\n")
                .file("roles/web/tasks/main.yml", "- name: web task\n  command: echo web\n  notify: reload web\n")
                .file("roles/web/vars/main.yml", "web_user: www\n")
                .file("roles/web/handlers/main.yml", "- name: reload web\n  command: echo reload\n")
                .file("p.yml", """
                        - hosts: all
                          roles:
                            - web
                            - role: base
                            - {role: web, when: again}
                        """);
        Play play = f.load("p.yml").plays().get(0);
        List<Task> tasks = LoaderFixture.tasks(play.roles());
        // every occurrence is loaded; the run skips a role that already ran on a host (same identity)
        assertThat(tasks).extracting(Task::name).containsExactly("base task", "web task", "base task", "base task", "web task");
        assertThat(tasks.get(0).role().name()).isEqualTo("base");
        assertThat(tasks.get(0).role().defaults()).containsEntry("port", 80L);
        assertThat(tasks.get(0).tags()).containsExactly("dep");
        assertThat(tasks.get(1).role().vars()).containsEntry("web_user", "www");
        assertThat(tasks.get(1).role().parents()).isEmpty();
        assertThat(tasks.get(0).role().parents()).extracting(Role::name).containsExactly("web");
        assertThat(tasks.get(1).role().defaults()).as("a role sees its dependencies' defaults").containsEntry("port", 80L);
        assertThat(tasks.get(3).role().role().key()).as("the dependency of both web entries is one role")
                .isEqualTo(tasks.get(0).role().role().key());
        assertThat(tasks.get(2).role().role().key()).as("tags are part of a role's identity")
                .isNotEqualTo(tasks.get(0).role().role().key());
        assertThat(tasks.get(4).role().role().key()).as("so is when").isNotEqualTo(tasks.get(1).role().role().key());
        assertThat(play.handlers()).as("handlers once per role identity").extracting(Task::name)
                .containsExactly("reload web", "reload web");
        assertThat(play.playRoles()).extracting(Role::name).containsExactly("web", "base", "web");
    }

    @Test
    void importPlaybookAppliesVarsAndTags() {
        Playbook pb = new LoaderFixture(dir)
                .file("sub/other.yml", "- hosts: all\n  tasks:\n    - command: echo sub\n")
                .file("site.yml", "- import_playbook: sub/other.yml\n  vars: {x: 1}\n  tags: imported\n- hosts: all\n  tasks: []\n")
                .load("site.yml");
        assertThat(pb.plays()).hasSize(2);
        Play first = pb.plays().get(0);
        assertThat(first.vars()).containsEntry("x", 1L);
        assertThat(LoaderFixture.tasks(first.tasks()).get(0).tags()).containsExactly("imported");
        assertThat(first.dir()).isEqualTo(dir.resolve("sub"));
    }

    @Test
    void dynamicIncludeLoadsWithIncludeParams() {
        LoaderFixture f = new LoaderFixture(dir)
                .file("inc.yml", "- name: included\n  command: echo {{ item }}\n")
                .file("p.yml", "- hosts: all\n  become: true\n  tasks:\n    - include_tasks: inc.yml\n      loop: [1, 2]\n");
        PlaybookLoader loader = f.loader();
        Play play = loader.load(dir.resolve("p.yml")).plays().get(0);
        Task include = (Task) play.tasks().get(0);
        List<TaskNode> loaded = loader.includeTasks(include, "inc.yml", Map.of("item", 1L)).tasks();
        Task t = (Task) loaded.get(0);
        assertThat(t.name()).isEqualTo("included");
        assertThat(t.includeParams()).containsEntry("item", 1L);
        assertThat(t.keywords().get("become")).isEqualTo(true);
    }
}
