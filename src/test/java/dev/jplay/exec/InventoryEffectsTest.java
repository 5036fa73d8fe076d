package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code group_by} and {@code add_host} report {@code changed} when the inventory really changed, and
 * {@code changed_when} is applied after that, as ansible-core 2.14's strategy does (checked with ansible-playbook).
 */
class InventoryEffectsTest {
    @TempDir
    Path dir;

    @Test
    void groupByIsChangedOnlyWhenItAddsTheHostOrAnEdge() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - {name: new, group_by: {key: g1}}
                    - {name: again, group_by: {key: g1}}
                    - {name: quiet, group_by: {key: g2}, changed_when: false}
                    - {name: parent, group_by: {key: g1, parents: [p1]}}
                    - {name: parent again, group_by: {key: g1, parents: [p1]}}
                    - name: show
                      debug: msg="{{ groups.g1 }} {{ groups.g2 }} {{ groups.p1 }}"
                """);
        assertThat(r.res("new", "h1")).containsEntry("changed", true);
        assertThat(r.res("again", "h1")).containsEntry("changed", false);
        assertThat(r.res("quiet", "h1")).containsEntry("changed", false);
        assertThat(r.res("parent", "h1")).containsEntry("changed", true);
        assertThat(r.res("parent again", "h1")).containsEntry("changed", false);
        assertThat(r.res("show", "h1")).containsEntry("msg", "['h1'] ['h1'] ['h1']");
        assertThat(r.recap("h1")).isEqualTo("6 2 0 0 0 0 0");
    }

    @Test
    void addHostIsChangedForANewHostGroupOrVariable() {
        Runs r = new Runs(dir).run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - {name: new, add_host: {name: n1, groups: x}}
                    - {name: again, add_host: {name: n1, groups: x}}
                    - {name: var, add_host: {name: n1, groups: x, foo: 1}}
                    - {name: group, add_host: {name: n1, groups: [x, y]}}
                    - {name: forced, add_host: {name: n1}, changed_when: true}
                """);
        assertThat(r.res("new", "h1")).containsEntry("changed", true);
        assertThat(r.res("again", "h1")).containsEntry("changed", false);
        assertThat(r.res("var", "h1")).containsEntry("changed", true);
        assertThat(r.res("group", "h1")).containsEntry("changed", true);
        assertThat(r.res("forced", "h1")).containsEntry("changed", true);
    }
}
