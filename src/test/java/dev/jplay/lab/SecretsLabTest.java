package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.Secret;
import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Needs;
import dev.jplay.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets audit: real playbooks on real hosts with marker secrets (the become password, vault passwords from
 * a file, a script, {@code --vault-id} and prompts, vaulted variables, {@code no_log} task arguments, their
 * registered results, module parameters Ansible marks no_log, expect's answers without no_log), and every place a
 * secret could leak searched for the markers: every command line started on the controller and on the hosts (every execve, traced with strace
 * on jplay and on each host's sshd: short-lived commands are not missed as with sampling {@code ps}), the output
 * at {@code -v} to {@code -vvvvvv} with {@code --diff}, the JSON event stream, the run journal and {@code --resume},
 * the fact cache, crash logs ({@code XDG_STATE_HOME}), every other file the runs left beside the playbook, and
 * every file the runs created or changed on the hosts except the ones the playbook writes its secrets to.
 */
class SecretsLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    /** The markers; the become password is the lab's own (random per lab). */
    static final String VAULT_PW = "vaultpw" + tag();
    static final String NOLOG = "nologval" + tag();
    static final String VAULTED = "vaultedval" + tag();
    static final String PARAM = "paramval" + tag();
    static final String ANSWER = "expectanswer" + tag();
    static String becomePw;

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @BeforeAll
    static void up() throws Exception {
        Needs.executable("/usr/bin/strace", "needs strace to see every command line started (./test installs it)");
        lab = Lab.up("10.238", 2, null);
        becomePw = lab.becomePassword().reveal();
        Secret vaultPw = Secret.of(VAULT_PW);
        Files.writeString(dir.resolve("vault-pw.txt"), VAULT_PW + "\n");
        Path script = Files.writeString(dir.resolve("vault-pw.sh"), "#!/bin/sh\nprintf '%s\\n' \"$(cat '" + dir.resolve("vault-pw.txt") + "')\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("become-pw.txt"), becomePw + "\n");
        Files.createDirectories(dir.resolve("group_vars"));
        // the become password as Ansible users keep it: a vaulted file of group variables
        Files.writeString(dir.resolve("group_vars/all.yml"), Vault.encrypt(("ansible_become_password: " + becomePw + "\n")
                .getBytes(StandardCharsets.UTF_8), vaultPw, "prod"));
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nfact_caching = jsonfile\nfact_caching_connection = "
                + dir.resolve("facts") + "\nretry_files_enabled = true\n");
        Files.writeString(dir.resolve("secret.j2"), "token={{ nolog_marker }}\n");
        String vaulted = Vault.encrypt(VAULTED.getBytes(StandardCharsets.UTF_8), vaultPw, "prod").strip().replace("\n", "\n        ");
        Files.writeString(dir.resolve("s.yml"), """
                - hosts: all
                  gather_facts: true
                  vars:
                    nolog_marker: "%1$s"
                    app_secret: !vault |
                        %2$s
                  tasks:
                    - name: become with a password
                      ansible.builtin.command: id -un
                      become: true
                      vars: {ansible_user: jplay}
                      register: who
                    - name: secret file
                      ansible.builtin.copy: {content: "{{ nolog_marker }}\\n", dest: /srv/s/secret.txt, mode: "0600"}
                      become: true
                      vars: {ansible_user: jplay}
                      no_log: true
                      notify: reload
                    - name: secret template
                      ansible.builtin.template: {src: secret.j2, dest: /srv/s/secret.conf, mode: "0600"}
                      no_log: true
                    - name: secret line from the vault
                      ansible.builtin.lineinfile: {path: /srv/s/app.conf, line: "password={{ app_secret }}", create: true, mode: "0600"}
                      no_log: true
                    - name: secret block
                      ansible.builtin.blockinfile: {path: /srv/s/block.conf, block: "key={{ nolog_marker }}", create: true, mode: "0600"}
                      no_log: true
                    - name: secret replace
                      ansible.builtin.replace: {path: /srv/s/app.conf, regexp: "^password=(.*)$", replace: "password=\\\\1-{{ nolog_marker }}"}
                      no_log: true
                    - name: secret fact
                      ansible.builtin.set_fact: {derived: "{{ nolog_marker }}-derived"}
                      no_log: true
                    - name: secret message
                      ansible.builtin.debug: {msg: "{{ derived }} {{ app_secret }}"}
                      no_log: true
                    - name: secret on stdin, registered
                      ansible.builtin.command: {cmd: cat, stdin: "{{ nolog_marker }}"}
                      no_log: true
                      register: catted
                      changed_when: false
                    - name: secret in a loop
                      ansible.builtin.command: {cmd: cat, stdin: "{{ item }}"}
                      loop: ["{{ nolog_marker }}", "{{ app_secret }}"]
                      no_log: true
                      changed_when: false
                    - name: secret through become on stdin
                      ansible.builtin.command: {cmd: cat, stdin: "{{ nolog_marker }}"}
                      become: true
                      vars: {ansible_user: jplay}
                      no_log: true
                      changed_when: false
                    - name: a no_log task that fails
                      ansible.builtin.fail: {msg: "failed with {{ nolog_marker }}"}
                      no_log: true
                      ignore_errors: true
                    - name: a no_log module parameter without no_log on the task
                      ansible.builtin.uri: {url: "http://127.0.0.1:9/", url_username: u, url_password: "%3$s", timeout: 2}
                      ignore_errors: true
                    - name: a prompting command
                      ansible.builtin.copy:
                        dest: /srv/s/ask.sh
                        mode: "0755"
                        content: |
                          #!/bin/sh
                          printf 'New password: '; read p; printf 'Retype new password: '; read q
                          [ "$p" = "$q" ] && printf '%%s\\n' "$p" > /srv/s/answer.txt && echo updated
                    - name: expect's answers without no_log (they go to the terminal only)
                      ansible.builtin.expect: {command: /srv/s/ask.sh, responses: {"(?i)password:": "%4$s"}}
                      register: answered
                    - name: expect's answers after the become password
                      ansible.builtin.expect: {command: /srv/s/ask.sh, responses: {"(?i)password:": "%4$s"}}
                      become: true
                      vars: {ansible_user: jplay}
                    - name: the registered results are used
                      ansible.builtin.assert:
                        that: ["catted.stdout == nolog_marker", "who.stdout == 'root'",
                               "answered.stdout == 'New password: Retype new password: updated'"]
                        quiet: true
                  handlers:
                    - name: reload
                      ansible.builtin.command: {cmd: cat, stdin: "reload {{ nolog_marker }}"}
                      no_log: true
                """.formatted(NOLOG, vaulted, PARAM, ANSWER));
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    @Test
    void passwordFilesAndScriptsTheBecomePasswordFileAndEveryVerbosityLeakNothing() throws Exception {
        for (String h : lab.names()) lab.ssh(h, "rm -rf /srv/s; mkdir -p /srv/s");
        audit("vault id file, -vvvvvv, --diff", List.of("--vault-id", "prod@vault-pw.txt", "-vvvvvv", "--diff"), null, 0);
        audit("vault script, become password file, -vvv", List.of("--vault-password-file", "vault-pw.sh", "--become-password-file",
                "become-pw.txt", "-vvv"), null, 0);
        audit("vault file, --json", List.of("--vault-password-file", "vault-pw.txt", "--json"), null, 0);
        // check mode runs no command: the last task's assert on the registered output fails (exit 2), as in Ansible
        audit("-v, check mode", List.of("--vault-id", "prod@vault-pw.txt", "-v", "--check", "--diff"), null, 2);
    }

    @Test
    void promptedPasswordsAndAResumedRunLeakNothing() throws Exception {
        for (String h : lab.names()) lab.ssh(h, "rm -rf /srv/s; mkdir -p /srv/s");
        audit("-K and --ask-vault-pass on a terminal, -vvvv", List.of("-K", "--ask-vault-pass", "-vvvv", "--diff"),
                List.of(Map.entry("BECOME password: ", becomePw), Map.entry("Vault password: ", VAULT_PW)), 0);
        // a run stopped by a host that goes away, and its resume: the journal holds names, never values
        lab.stop("lab02");
        audit("a run a host left", List.of("--vault-id", "prod@vault-pw.txt", "-vv"), null, 4);
        lab.start("lab02");
        JplayProcess.Run resumed = audit("--resume", List.of("--vault-id", "prod@vault-pw.txt", "-vvv", "--resume"), null, 0);
        assertThat(resumed.out()).contains("RESUMING the run of s.yml");
        assertThat(journals()).isNotEmpty();
    }

    private static List<Path> journals() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(".jplay"))) {
            return s.toList();
        }
    }

    /**
     * One run under strace (jplay's and every host's sshd's execve calls), then every place searched for the markers.
     * The run must end with {@code exit}: a run that stopped early would have used no secret and leaked nothing.
     */
    private JplayProcess.Run audit(String what, List<String> options, List<Map.Entry<String, String>> prompts, int exit) throws Exception {
        Path traces = Files.createTempDirectory(dir, "trace");
        List<Process> tracers = new ArrayList<>();
        for (String h : lab.names()) {
            Path pid = lab.changes(h).getParent().resolve("sshd.pid");
            if (!Files.exists(pid)) continue; // a stopped host
            List<String> cmd = trace(traces.resolve(h + ".trace"));
            cmd.addAll(List.of("-p", Files.readString(pid).strip()));
            tracers.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(traces.resolve(h + ".strace.log").toFile()).start());
            awaitTraced(h, traces.resolve(h + ".trace"));
        }
        List<String> wrapper = trace(traces.resolve("controller.trace"));
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString());
        List<String> args = new ArrayList<>(List.of("-i", lab.inventory().toString(), "s.yml"));
        args.addAll(options);
        JplayProcess.Run r = prompts == null ? JplayProcess.runWrapped(dir, env, wrapper, args.toArray(String[]::new))
                : JplayProcess.runOnTerminal(dir, env, wrapper, prompts, args.toArray(String[]::new));
        for (Process t : tracers) {
            t.destroy();
            t.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(r.exit()).as(what + ": " + tail(r.out())).isEqualTo(exit);
        assertThat(r.out()).as(what + ": " + tail(r.out())).doesNotContain("Traceback (most recent call last)", "java.lang.")
                .containsAnyOf("PLAY RECAP", "{\"event\": \"recap\"");
        String argv = Files.readString(traces.resolve("controller.trace"));
        for (String h : lab.names()) {
            if (Files.exists(traces.resolve(h + ".trace"))) argv += Files.readString(traces.resolve(h + ".trace"));
        }
        // the tracing saw the commands (so the test can fail): the become task's
        assertThat(argv).as(what).contains("execve(", "id -un");
        List<String> leaks = new ArrayList<>();
        for (String m : markers()) {
            if (r.out().contains(m)) leaks.add(what + ": output holds " + name(m) + ":\n" + around(r.out(), m));
            if (argv.contains(m)) leaks.add(what + ": a command line holds " + name(m) + ":\n" + around(argv, m));
        }
        leaks.addAll(filesHolding(dir, what));
        for (String h : lab.names()) leaks.addAll(filesHolding(lab.changes(h), what + " on " + h));
        assertThat(leaks).as(tail(r.out())).isEmpty();
        deleteTree(traces);
        return r;
    }

    /** Waits until strace, attached to a host's sshd, traces it: a connection's execve shows in its trace. */
    private static void awaitTraced(String host, Path trace) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(trace) || Files.size(trace) == 0) {
            if (System.nanoTime() > end) throw new AssertionError("strace did not trace " + host + "'s sshd within 30 s");
            lab.ssh(host, "true");
        }
    }

    private static String tail(String out) {
        return out.length() < 4000 ? out : "..." + out.substring(out.length() - 4000);
    }

    private static List<String> trace(Path out) {
        return new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=execve", "-e", "signal=none", "-s", "65536", "-o", out.toString()));
    }

    private static List<String> markers() {
        return List.of(becomePw, VAULT_PW, NOLOG, VAULTED, PARAM, ANSWER);
    }

    private static String name(String m) {
        return m.equals(becomePw) ? "the become password" : m.equals(VAULT_PW) ? "the vault password" : m.equals(NOLOG) ? "a no_log value"
                : m.equals(VAULTED) ? "a vaulted value used with no_log" : m.equals(ANSWER) ? "an answer of expect" : "a no_log module parameter";
    }

    private static String around(String text, String m) {
        int i = text.indexOf(m);
        return text.substring(Math.max(0, i - 300), Math.min(text.length(), i + m.length() + 100));
    }

    /** Files below {@code root} that hold a marker: not the password files the test wrote, nor what the playbook wrote on purpose. */
    private static List<String> filesHolding(Path root, String what) throws IOException {
        List<String> leaks = new ArrayList<>();
        if (!Files.isDirectory(root)) return leaks;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (rel.equals("vault-pw.txt") || rel.equals("become-pw.txt") || rel.equals("s.yml") || rel.startsWith("srv/s/") || rel.startsWith("trace")
                        || rel.equals("etc/shadow") || rel.equals("etc/shadow-")) {
                    continue;
                }
                String text;
                try {
                    text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    continue;
                }
                for (String m : markers()) if (text.contains(m)) leaks.add(what + ": " + f + " holds " + name(m) + ":\n" + around(text, m));
            }
        }
        return leaks;
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
