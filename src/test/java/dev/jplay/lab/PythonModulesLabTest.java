package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.data.Json;
import dev.jplay.modules.python.AnsibleRoots;
import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Needs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python modules from the Debian ansible package's collections on real lab hosts: the statuses and files that
 * ansible-playbook 2.14 produced with the same playbook (recorded in collections.expected.json by record.py), a
 * second run unchanged, become with a password, a library/ module, and forcing the Python module for a built-in name.
 */
class PythonModulesLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @BeforeAll
    static void up() throws Exception {
        AnsibleRoots roots = AnsibleRoots.find(List.of(), List.of(), true, Map.of(), Path.of(System.getProperty("user.home")));
        Needs.that(roots.ansibleCore() != null && !roots.collections().isEmpty(),
                "needs ansible-core and the collections of the Debian ansible package on the controller (./test installs them)");
        lab = Lab.up("10.236", 2, null);
        Files.copy(PythonModulesLabTest.class.getResourceAsStream("/modules/python/collections.yml"), dir.resolve("collections.yml"));
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void collectionModulesDoWhatAnsiblePlaybookDidAndASecondRunChangesNothing() throws Exception {
        Map<String, Object> expected;
        try (var in = getClass().getResourceAsStream("/modules/python/collections.expected.json")) {
            expected = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String inv = lab.inventory().toString();
        JplayProcess.Run first = JplayProcess.run(dir, "-i", inv, "collections.yml", "-l", "lab01");
        assertThat(statuses(first.out())).as(first.out()).isEqualTo(expected.get("run1"));
        JplayProcess.Run second = JplayProcess.run(dir, "-i", inv, "collections.yml", "-l", "lab01");
        assertThat(statuses(second.out())).as(second.out()).isEqualTo(expected.get("run2"));

        Path upper = lab.changes("lab01");
        for (var e : ((Map<String, Map<String, Object>>) expected.get("files")).entrySet()) {
            Path p = upper.resolve(e.getKey());
            Map<String, Object> want = e.getValue();
            if (want.containsKey("link")) {
                assertThat(Files.readSymbolicLink(p).toString()).as(e.getKey()).isEqualTo(want.get("link"));
                continue;
            }
            assertThat(Integer.toOctalString(Files.getPosixFilePermissions(p).stream()
                    .mapToInt(x -> 1 << (8 - x.ordinal())).sum())).as(e.getKey() + " mode").isEqualTo(want.get("mode"));
            byte[] data = Files.readAllBytes(p);
            if (want.containsKey("sha256")) {
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data))).as(e.getKey() + ": "
                        + new String(data, StandardCharsets.UTF_8)).isEqualTo(want.get("sha256"));
            }
            if (want.containsKey("last_line")) {
                List<String> lines = new String(data, StandardCharsets.UTF_8).lines().toList();
                assertThat(lines.get(lines.size() - 1)).as(e.getKey()).isEqualTo(want.get("last_line"));
            }
        }
    }

    @Test
    void becomeLibraryModulesAndForcingThePythonModuleForABuiltinName() throws Exception {
        Files.createDirectories(dir.resolve("library"));
        Files.writeString(dir.resolve("library/whoami_py.py"), """
                #!/usr/bin/python3
                from ansible.module_utils.basic import AnsibleModule
                import os
                def main():
                    m = AnsibleModule(argument_spec=dict(greeting=dict(type='str', default='hi')), supports_check_mode=True)
                    m.exit_json(changed=False, uid=os.getuid(), greeting=m.params['greeting'], check=m.check_mode)
                main()
                """);
        Files.writeString(dir.resolve("ansible.cfg"), "[jplay]\npython_modules = ansible.builtin.lineinfile\n");
        Files.writeString(dir.resolve("more.yml"), """
                - hosts: lab02
                  gather_facts: false
                  remote_user: jplay
                  tasks:
                    - whoami_py: greeting=hello
                      become: true
                      register: me
                    - assert:
                        that: [me.uid == 0, me.greeting == 'hello', not me.check]
                    - ansible.builtin.lineinfile:
                        path: /etc/jplay-forced.conf
                        line: forced=1
                        create: true
                      become: true
                      register: li
                    - assert:
                        that: [li.changed, li.msg == 'line added', "li.backup == ''"]
                    - community.general.ini_file: path=/etc/jplay-secret.ini section=s option=password value=hunter2
                      become: true
                      no_log: true
                """);
        JplayProcess.Run r = JplayProcess.run(dir, "-i", lab.inventory().toString(), "more.yml",
                "--become-password-file", lab.inventory().getParent().resolve("become_password").toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("hunter2");
        assertThat(Files.readString(lab.changes("lab02").resolve("etc/jplay-forced.conf"))).isEqualTo("forced=1\n");
        assertThat(Files.readString(lab.changes("lab02").resolve("etc/jplay-secret.ini"))).contains("password = hunter2");
    }

    private static List<List<String>> statuses(String out) {
        List<List<String>> res = new ArrayList<>();
        String task = null;
        Pattern header = Pattern.compile("^TASK \\[(.*)\\] \\*+$");
        Pattern status = Pattern.compile("^(ok|changed|fatal|skipping): \\[");
        for (String line : out.lines().toList()) {
            Matcher m = header.matcher(line);
            if (m.matches()) task = m.group(1);
            m = status.matcher(line);
            if (m.find() && task != null) res.add(List.of(task, m.group(1)));
        }
        return res;
    }
}
