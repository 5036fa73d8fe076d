package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jplay.testing.JplayProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jplay vault}: files and strings it writes are read by ansible-vault 2.14 and the other way round (those
 * tests skip, saying so, where ansible-vault is not installed); edit re-encrypts only changed text and leaves no
 * plain text behind, also when interrupted; errors and exit codes as ansible-vault's; passwords never printed.
 */
class VaultToolTest {
    static final String PW1 = "first-vault-pw";
    static final String PW2 = "second-vault-pw";
    static final String PLAIN = "db_password: \"s3cr\u00e4t\"\nports: [1, 2]\n";

    @TempDir
    Path dir;

    @BeforeEach
    void passwords() throws IOException {
        Files.writeString(dir.resolve("p1"), PW1 + "\n");
        Files.writeString(dir.resolve("p2"), PW2 + "\n");
        Files.writeString(dir.resolve("plain.yml"), PLAIN);
    }

    private JplayProcess.Run jplay(String... args) throws Exception {
        return jplayWith(Map.of(), new byte[0], args);
    }

    private JplayProcess.Run jplayWith(Map<String, String> env, byte[] stdin, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("vault"));
        a.addAll(List.of(args));
        JplayProcess.Run run = JplayProcess.run(dir, env, stdin, a.toArray(String[]::new));
        assertThat(run.out()).as("passwords are never printed").doesNotContain(PW1).doesNotContain(PW2);
        return run;
    }

    /** ansible-vault's exit code and output (stdout then stderr). */
    private JplayProcess.Run ansibleVault(String... args) throws Exception {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "ansible-vault"))),
                "ansible-vault 2.14 (the oracle) is not installed here: round trips with it are skipped");
        List<String> cmd = new ArrayList<>(List.of("ansible-vault"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new JplayProcess.Run(p.exitValue(), out);
    }

    @Test
    void ansibleVaultReadsWhatJplayWrites() throws Exception {
        Files.copy(dir.resolve("plain.yml"), dir.resolve("a.yml"));
        Files.copy(dir.resolve("plain.yml"), dir.resolve("b.yml"));
        assertThat(jplay("encrypt", "a.yml", "--vault-password-file", "p1").exit()).isZero();
        assertThat(jplay("encrypt", "b.yml", "--vault-id", "prod@p2").exit()).isZero();
        assertThat(Files.readString(dir.resolve("a.yml"))).startsWith("$ANSIBLE_VAULT;1.1;AES256\n");
        assertThat(Files.readString(dir.resolve("b.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.yml")))).isEqualTo("rw-------");
        assertThat(ansibleVault("view", "a.yml", "--vault-password-file", "p1").out()).isEqualTo(PLAIN);
        assertThat(ansibleVault("view", "b.yml", "--vault-id", "prod@p2").out()).isEqualTo(PLAIN);

        assertThat(jplay("rekey", "b.yml", "--vault-id", "prod@p2", "--new-vault-id", "next@p1").out()).contains("Rekey successful");
        assertThat(Files.readString(dir.resolve("b.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;next\n");
        assertThat(ansibleVault("decrypt", "b.yml", "--vault-id", "next@p1", "--output", "-").out()).isEqualTo(PLAIN);

        JplayProcess.Run strings = jplay("encrypt_string", "--vault-password-file", "p1", "-n", "token", "tok-123", "other");
        assertThat(strings.exit()).isZero();
        assertThat(strings.out()).contains("# The encrypted version of variable (\"token\", the string #1 from the command line args).")
                .contains("token: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n");
        String block = strings.out().substring(strings.out().indexOf("token: !vault |"));
        String first = block.substring(block.indexOf('\n') + 1, block.indexOf("!vault |", 10)).replaceAll("(?m)^ {10}", "").strip() + "\n";
        Files.writeString(dir.resolve("token.vault"), first);
        assertThat(ansibleVault("decrypt", "token.vault", "--vault-password-file", "p1", "--output", "-").out()).isEqualTo("tok-123");
    }

    @Test
    void jplayReadsWhatAnsibleVaultWrites() throws Exception {
        Files.copy(dir.resolve("plain.yml"), dir.resolve("c.yml"));
        assertThat(ansibleVault("encrypt", "c.yml", "--vault-id", "lab@p2").exit()).isZero();
        JplayProcess.Run view = jplay("view", "c.yml", "--vault-id", "lab@p2");
        assertThat(view.exit()).as(view.out()).isZero();
        assertThat(view.out()).isEqualTo(PLAIN);
        assertThat(jplay("decrypt", "c.yml", "--vault-password-file", "p2").exit()).isZero();
        assertThat(Files.readString(dir.resolve("c.yml"))).isEqualTo(PLAIN);

        JplayProcess.Run fromStdin = jplayWith(Map.of(), "piped secret".getBytes(StandardCharsets.UTF_8), "encrypt_string",
                "--vault-password-file", "p1", "--stdin-name", "piped");
        assertThat(fromStdin.out()).startsWith("piped: !vault |\n");
        assertThat(ansibleVault("encrypt_string", "--vault-password-file", "p1", "abc").exit()).isZero();
    }

    @Test
    void editReencryptsOnlyChangedTextKeepsLabelAndModeAndLeavesNoPlaintext() throws Exception {
        Files.copy(dir.resolve("plain.yml"), dir.resolve("e.yml"));
        jplay("encrypt", "e.yml", "--vault-id", "lab@p1");
        Files.setPosixFilePermissions(dir.resolve("e.yml"), PosixFilePermissions.fromString("rw-r-----"));
        byte[] before = Files.readAllBytes(dir.resolve("e.yml"));
        Path seen = dir.resolve("editor-saw");
        Path same = editor("same.sh", "echo \"$1\" >> " + seen + "\n");
        assertThat(jplayWith(Map.of("EDITOR", same.toString()), new byte[0], "edit", "e.yml", "--vault-id", "lab@p1").exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("e.yml"))).as("unchanged text: the file is left as it was").isEqualTo(before);

        // $EDITOR may carry arguments: the file comes last
        Path append = editor("append.sh", "for f in \"$@\"; do :; done\necho \"$f\" >> " + seen + "\necho 'added: yes' >> \"$f\"\n");
        JplayProcess.Run edit = jplayWith(Map.of("EDITOR", append + " --flag-ignored"), new byte[0], "edit", "e.yml", "--vault-id", "lab@p1");
        assertThat(edit.exit()).as(edit.out()).isZero();
        assertThat(Files.readString(dir.resolve("e.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;lab\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("e.yml")))).isEqualTo("rw-r-----");
        assertThat(jplay("view", "e.yml", "--vault-password-file", "p1").out()).isEqualTo(PLAIN + "added: yes\n");
        for (String tmp : Files.readAllLines(seen)) {
            assertThat(tmp).endsWith(".yml").doesNotStartWith(dir.toString());
            assertThat(Path.of(tmp)).as("the plain copy is gone").doesNotExist();
            assertThat(Path.of(tmp).getParent()).as("and its private directory").doesNotExist();
        }
    }

    @Test
    void ctrlCWhileEditingKeepsTheFileAndShredsThePlainCopy() throws Exception {
        Files.copy(dir.resolve("plain.yml"), dir.resolve("i.yml"));
        jplay("encrypt", "i.yml", "--vault-password-file", "p1");
        byte[] before = Files.readAllBytes(dir.resolve("i.yml"));
        Path seen = dir.resolve("editor-saw");
        // "editing" is printed by the process that then sleeps, with Ctrl-C's default action: with `echo editing; sleep 30`
        // a Ctrl-C sent between the two reached only sh, which defers it until its child ends (30 s; 2 runs in 10)
        Path slow = editor("slow.sh", "echo \"$1\" > " + seen + "\necho 'half: typed' >> \"$1\"\n"
                + "exec perl -e '$| = 1; $SIG{INT} = \"DEFAULT\"; print \"editing\\n\"; sleep 30'\n");
        List<String> cmd = new ArrayList<>(List.of("python3", Path.of("src/test/resources/console/pty_drive.py").toAbsolutePath().toString(),
                "[[\"expect\", \"editing\", 60], [\"send\", \"\\u0003\"], [\"expect\", \"was left as it was\", 10], [\"sleep\", 1]]", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.jplay.cli.Main", "vault", "edit", "i.yml", "--vault-password-file", "p1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("EDITOR", slow.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("ERROR! interrupted: i.yml was left as it was").doesNotContain(PW1);
        assertThat(Files.readAllBytes(dir.resolve("i.yml"))).isEqualTo(before);
        Path copy = Path.of(Files.readString(seen).strip());
        assertThat(copy).as("the plain copy is shredded").doesNotExist();
        assertThat(copy.getParent()).doesNotExist();
    }

    @Test
    void createWritesAVaultFileAndRefusesAnExistingOne() throws Exception {
        Path write = editor("write.sh", "printf 'new: file\\n' > \"$1\"\n");
        JplayProcess.Run create = jplayWith(Map.of("EDITOR", write.toString()), new byte[0], "create", "sub/new.yml", "--vault-password-file", "p2");
        assertThat(create.exit()).as(create.out()).isZero();
        assertThat(create.out()).contains("[WARNING]: " + dir.resolve("sub") + " does not exist, creating...");
        assertThat(jplay("view", "sub/new.yml", "--vault-password-file", "p2").out()).isEqualTo("new: file\n");
        JplayProcess.Run again = jplayWith(Map.of("EDITOR", write.toString()), new byte[0], "create", "sub/new.yml", "--vault-password-file", "p2");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("ERROR! sub/new.yml exists, please use 'edit' instead");
    }

    @Test
    void errorsAndExitCodesAsAnsibleVault() throws Exception {
        Files.copy(dir.resolve("plain.yml"), dir.resolve("d.yml"));
        jplay("encrypt", "d.yml", "--vault-password-file", "p1");
        expect(jplay("encrypt", "d.yml", "--vault-password-file", "p1"), 1, "ERROR! input is already encrypted");
        expect(jplay("view", "d.yml", "--vault-password-file", "p2"), 1,
                "ERROR! Decryption failed (no vault secrets were found that could decrypt) on d.yml for d.yml");
        expect(jplay("decrypt", "plain.yml", "--vault-password-file", "p1"), 1,
                "ERROR! input is not vault encrypted data. plain.yml is not a vault encrypted file for plain.yml");
        expect(jplay("encrypt", "plain.yml", "--vault-id", "a@p1", "--vault-id", "b@p2"), 5,
                "ERROR! The vault-ids a,b are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id");
        expect(jplay("encrypt", "plain.yml", "--vault-id", "a@p1", "--encrypt-vault-id", "c"), 1,
                "ERROR! Did not find a match for --encrypt-vault-id=c in the known vault-ids ['a']");
        expect(jplay("decrypt", "nope.yml", "--vault-password-file", "p1"), 1, "ERROR! Unable to read source file (" + dir.resolve("nope.yml"));
        expect(jplay("decrypt", "d.yml", "plain.yml", "--output", "x", "--vault-password-file", "p1"), 5,
                "ERROR! At most one input file may be used with the --output option");
        expect(jplay("encrypt_string", "--vault-password-file", "p1", ""), 5,
                "ERROR! The plaintext provided from the command line args was empty, not encrypting");
        expect(jplay("create", "a", "b", "--vault-password-file", "p1"), 5, "ERROR! jplay vault create can take only one filename argument");
        expect(jplay("bogus"), 2, "usage: jplay vault");
        assertThat(Files.readString(dir.resolve("plain.yml"))).as("failed commands leave files alone").isEqualTo(PLAIN);
    }

    private static void expect(JplayProcess.Run run, int exit, String text) {
        assertThat(run.exit()).as(run.out()).isEqualTo(exit);
        assertThat(run.out()).contains(text);
    }

    private Path editor(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
