package dev.jplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault secrets from the command line, as ansible-playbook takes them. The successful run with every kind of
 * vaulted input is {@code CompatTest}'s "vault" case (same output as ansible-playbook); these are the other paths:
 * password scripts, missing and wrong secrets, and ansible-inventory's way of showing inline vault values.
 */
class VaultCommandTest {
    static final Path COMPAT = CompatTest.DIR;
    static final Path INVENTORY = Path.of("src/test/resources/vault-inventory").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void passwordScriptAndClientScript() throws Exception {
        Path script = tmp.resolve("vault-pass.sh");
        Files.writeString(script, "#!/bin/sh\necho compat-vault-pass\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        JplayProcess.Run run = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "-v", "--vault-password-file", script.toString(),
                "--vault-id", "prod@vault/prod-client.sh", "-e", "@vault/extra.yml");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"msg\": \"tok-123 prod-key-9 inner value\"").doesNotContain("compat-vault-pass")
                .doesNotContain("prod-pass");
        assertThat(run.recap("h1")).contains("ok=6");
    }

    @Test
    void noSecretsFailsWithAnsiblesMessageAndTheFile() throws Exception {
        JplayProcess.Run run = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "-e", "@vault/extra.yml");
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.out()).contains("ERROR! Attempting to decrypt but no vault secrets found").contains("vault/extra.yml")
                .contains("--vault-password-file").doesNotContain("PLAY [");
    }

    @Test
    void inlineValueWithoutItsSecretFailsWhereItIsWritten() throws Exception {
        // only the default secret: prod_key (labelled prod) cannot be opened; the error points at the value
        JplayProcess.Run run = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "--vault-id", "vault/pass.txt", "-e", "@vault/extra.yml");
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.out()).contains("fatal: [h1]: FAILED! => {\"msg\": \"Decryption failed (no vault secrets were found that could "
                + "decrypt) on " + COMPAT.resolve("vault/group_vars/all.yml") + ":8:11");
        assertThat(run.out()).contains("ok: [h1]"); // tasks before the one using prod_key ran
    }

    @Test
    void missingPasswordFileIsAWarningWhenAnotherSecretWorksAndAnErrorOtherwise() throws Exception {
        JplayProcess.Run warned = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "--vault-password-file", "nope.txt",
                "--vault-id", "vault/pass.txt", "--vault-id", "prod@vault/prod-client.sh", "-e", "@vault/extra.yml");
        assertThat(warned.exit()).as(warned.out()).isZero();
        assertThat(warned.out()).contains("[WARNING]: Error getting vault password file (default): The vault password file");
        JplayProcess.Run failed = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "--vault-password-file", "nope.txt");
        assertThat(failed.exit()).isNotZero();
        assertThat(failed.out()).contains("The vault password file " + COMPAT.resolve("nope.txt") + " was not found");
    }

    @Test
    void askWithoutATerminalSaysSo() throws Exception {
        JplayProcess.Run run = JplayProcess.run(COMPAT, "-i", "hosts", "vault/site.yml", "--ask-vault-pass");
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("no terminal to ask for the vault password");
    }

    @Test
    void inventoryShowsInlineVaultValuesEncryptedAndDecryptsVaultedFilesLikeAnsibleInventory() throws Exception {
        for (String action : new String[] {"--host=h1", "--list"}) {
            String expected = Files.readString(INVENTORY.resolve(action.equals("--list") ? "expected-list.json" : "expected-host-h1.json"));
            JplayProcess.Run run = JplayProcess.run(INVENTORY, "inventory", "-i", "hosts", action, "--vault-id", "../compat/vault/pass.txt");
            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out()).isEqualTo(expected);
        }
    }
}
