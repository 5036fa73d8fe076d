package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Needs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jplay's {@code setup} against Ansible's on the same lab host, live: the same fact names, the same types all the way
 * down, and the same values for everything that does not change between two runs (clock, load, free memory, the SSH
 * client port). Ansible is the test oracle here (./test installs the Debian ansible package).
 */
class FactsLabTest {
    /** Facts whose values move between two gatherings, and environment variables Ansible's own connection adds. */
    private static final Set<String> VOLATILE = Set.of("ansible_date_time", "ansible_loadavg", "ansible_memfree_mb", "ansible_memory_mb",
            "ansible_uptime_seconds", "ansible_env");
    /** Environment that depends on how the connection starts commands (a pty, Ansible's locale, the command path in _). */
    private static final Set<String> ANSIBLE_ONLY_ENV = Set.of("SSH_TTY", "TERM", "LC_CTYPE", "SSH_CLIENT", "SSH_CONNECTION", "_");
    /** Lists Ansible builds from Python sets: their order is arbitrary. */
    private static final Set<String> UNORDERED = Set.of("ansible_interfaces", "ansible_virtualization_tech_guest", "ansible_virtualization_tech_host");
    static Lab lab;
    @TempDir
    static Path dir;

    @BeforeAll
    static void up() throws Exception {
        Needs.executable("/usr/bin/ansible", "needs ansible as the oracle (./test installs the Debian ansible package)");
        lab = Lab.up("10.235", 1, null);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void setupReturnsEveryFactAnsibleReturnsWithTheSameTypesAndStableValues() throws Exception {
        Map<String, Object> ansible = facts(ansible("lab01", "-m", "setup"));
        JplayProcess.Run r = JplayProcess.run(dir, "adhoc", "lab01", "-i", lab.inventory().toString(), "-m", "setup");
        Map<String, Object> jplay = facts(r.out());
        assertThat(jplay.keySet()).as(r.out()).containsExactlyInAnyOrderElementsOf(ansible.keySet());
        List<String> problems = new ArrayList<>();
        for (String k : ansible.keySet()) {
            if (k.equals("ansible_env")) continue;
            Object a = ansible.get(k);
            Object j = jplay.get(k);
            if (UNORDERED.contains(k)) {
                a = sorted(a);
                j = sorted(j);
            }
            compare(k, a, j, !VOLATILE.contains(k), problems);
        }
        ((Map<String, Object>) ansible.get("ansible_env")).keySet().stream().filter(k -> !ANSIBLE_ONLY_ENV.contains(k))
                .forEach(k -> compare("ansible_env." + k, ((Map<String, Object>) ansible.get("ansible_env")).get(k),
                        ((Map<String, Object>) jplay.get("ansible_env")).get(k), true, problems));
        assertThat(problems).isEmpty();
    }

    @Test
    void subsetsFiltersAndLocalFactsAsAnsible() throws Exception {
        String facts = "mkdir -p /etc/ansible/facts.d && printf '[general]\\nColor = blue\\n' > /etc/ansible/facts.d/ini.fact"
                + " && printf '{\"a\": [1, 2]}' > /etc/ansible/facts.d/json.fact"
                + " && printf '#!/bin/sh\\necho {\\\\\"run\\\\\": true}\\n' > /etc/ansible/facts.d/exec.fact && chmod +x /etc/ansible/facts.d/exec.fact";
        JplayProcess.Run prep = JplayProcess.run(dir, "adhoc", "lab01", "-i", lab.inventory().toString(), "-m", "shell", "-a", facts);
        assertThat(prep.exit()).as(prep.out()).isZero();
        for (String args : List.of("gather_subset=!all", "gather_subset=network,!hardware filter=ansible_*ipv4*", "gather_subset=!all,!min,local",
                "gather_subset=virtual,mounts,!platform")) {
            Map<String, Object> a = facts(ansible("lab01", "-m", "setup", "-a", args));
            Map<String, Object> j = facts(JplayProcess.run(dir, "adhoc", "lab01", "-i", lab.inventory().toString(), "-m", "setup", "-a", args).out());
            assertThat(j.keySet()).as(args).containsExactlyInAnyOrderElementsOf(a.keySet());
            if (a.containsKey("ansible_local")) assertThat(j.get("ansible_local")).as(args).isEqualTo(a.get("ansible_local"));
        }
        String bad = JplayProcess.run(dir, "adhoc", "lab01", "-i", lab.inventory().toString(), "-m", "setup", "-a", "gather_subset=dmi").out();
        assertThat(bad).contains("FAILED!", "Bad subset 'dmi' given to Ansible. gather_subset options allowed: all, all_ipv4_addresses,");
    }

    private static void compare(String path, Object a, Object j, boolean values, List<String> problems) {
        if (a == null || j == null) {
            if (a != j) problems.add(path + ": ansible " + a + ", jplay " + j);
            return;
        }
        if (!kind(a).equals(kind(j))) {
            problems.add(path + ": ansible " + kind(a) + " " + a + ", jplay " + kind(j) + " " + j);
            return;
        }
        if (a instanceof Map<?, ?> am && j instanceof Map<?, ?> jm) {
            if (!am.keySet().equals(jm.keySet())) problems.add(path + " keys: ansible " + am.keySet() + ", jplay " + jm.keySet());
            else for (Object k : am.keySet()) compare(path + "." + k, am.get(k), jm.get(k), values, problems);
        } else if (a instanceof List<?> al && j instanceof List<?> jl) {
            if (al.size() != jl.size()) problems.add(path + ": ansible " + al + ", jplay " + jl);
            else for (int i = 0; i < al.size(); i++) compare(path + "[" + i + "]", al.get(i), jl.get(i), values, problems);
        } else if (values && !a.equals(j)) {
            problems.add(path + ": ansible " + a + ", jplay " + j);
        }
    }

    private static Object sorted(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).sorted().toList() : o;
    }

    private static String kind(Object o) {
        if (o instanceof Map<?, ?>) return "dict";
        if (o instanceof List<?>) return "list";
        if (o instanceof Boolean) return "bool";
        if (o instanceof Long || o instanceof Integer) return "int";
        if (o instanceof Double) return "float";
        return "str";
    }

    private static String ansible(String host, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ansible", host, "-i", lab.inventory().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(String out) {
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.substring(out.indexOf('{')));
        Map<String, Object> f = new java.util.TreeMap<>((Map<String, Object>) r.get("ansible_facts"));
        f.remove("discovered_interpreter_python");
        return f;
    }
}
