package dev.jplay.modules.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include_vars as ansible-core 2.14's action (its integration target include_vars, checked with ansible-playbook). */
class IncludeVarsTest {
    @TempDir
    Path dir;

    private TestContext ctx() throws Exception {
        write("vars/all/all.yml", "testing: 123\n");
        write("vars/env/dev/all.yml", "testing: 789\nbase: dev\n");
        write("vars/env/dev/services/webapp.yml", "testing: 101112\n");
        write("vars/webapp/file_without_extension", "webapp_version: 1\n");
        write("vars/hash.yml", "config: {key1: 1, key2: {b: 22}}\n");
        return TestContext.local().controllerDir(dir);
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @SuppressWarnings("unchecked")
    private static List<String> files(Map<String, Object> r) {
        return ((List<String>) r.get("ansible_included_var_files")).stream().map(f -> f.replaceAll(".*/vars/", "")).toList();
    }

    @Test
    void aDirectoryIsWalkedSortedAndFailsOnAFileWithoutAValidExtension() throws Exception {
        TestContext c = ctx();
        Map<String, Object> r = c.run(new IncludeVars(), Map.of("dir", "vars", "extensions", List.of("", "yml"), "ignore_files", List.of("hash.yml")));
        assertThat(files(r)).containsExactly("all/all.yml", "env/dev/all.yml", "env/dev/services/webapp.yml", "webapp/file_without_extension");
        assertThat(r.get("ansible_facts")).isEqualTo(Map.of("testing", 101112L, "base", "dev", "webapp_version", 1L));

        Map<String, Object> bad = c.run(new IncludeVars(), Map.of("dir", "webapp"));
        assertThat(bad).containsEntry("failed", true).doesNotContainKey("msg").containsEntry("ansible_included_var_files", List.of());
        assertThat((String) bad.get("message")).endsWith("vars/webapp/file_without_extension does not have a valid extension: yaml, yml, json");
        assertThat(files(c.run(new IncludeVars(), Map.of("dir", "webapp", "ignore_unknown_extensions", true)))).isEmpty();
    }

    @Test
    void depthCountsTheDirectoriesOfTheSortedWalkAndFilesMatchingIsSearched() throws Exception {
        TestContext c = ctx();
        assertThat(files(c.run(new IncludeVars(), Map.of("dir", "vars", "depth", 2)))).containsExactly("hash.yml", "all/all.yml");
        assertThat(files(c.run(new IncludeVars(), Map.of("dir", "env", "files_matching", "web")))).containsExactly("env/dev/services/webapp.yml");
    }

    @Test
    void fileAndDirArgumentsDoNotMixAndAMissingFileSaysSo() throws Exception {
        TestContext c = ctx();
        assertThat(c.run(new IncludeVars(), Map.of("file", "hash.yml", "depth", 1)))
                .containsEntry("msg", "You are mixing file only and dir only arguments, these are incompatible");
        assertThat((String) c.run(new IncludeVars(), Map.of("file", "")).get("message")).startsWith("Could not find file on the Ansible Controller.");
        assertThat(c.warnings()).containsExactly("Invalid request to find a file that matches a \"null\" value");
        assertThat(files(c.run(new IncludeVars(), Map.of("_raw_params", "hash.yml\n")))).containsExactly("hash.yml");
    }

    @Test
    void hashBehaviourMergeMergesIntoTheExistingVariable() throws Exception {
        TestContext c = ctx().evaluator(e -> e.startsWith("config ") ? Map.of("key0", 0, "key1", 0, "key2", Map.of("a", 21)) : null);
        Map<String, Object> r = c.run(new IncludeVars(), Map.of("file", "hash.yml", "hash_behaviour", "merge"));
        assertThat(r.get("ansible_facts")).isEqualTo(Map.of("config", Map.of("key0", 0, "key1", 1L, "key2", Map.of("a", 21, "b", 22L))));
        Map<String, Object> replaced = c.run(new IncludeVars(), Map.of("file", "hash.yml"));
        assertThat(replaced.get("ansible_facts")).isEqualTo(Map.of("config", Map.of("key1", 1L, "key2", Map.of("b", 22L))));
    }
}
