package dev.jplay.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jplay.connection.Secret;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decrypts what ansible-vault 2.14 encrypted (the files under compat/vault were made with it). */
class VaultTest {
    static final Path DIR = Path.of("src/test/resources/compat/vault");
    static final Vault.Id DEFAULT = new Vault.Id("default", Secret.of("compat-vault-pass"));
    static final Vault.Id PROD = new Vault.Id("prod", Secret.of("prod-pass"));
    static final Loc LOC = new Loc("group_vars/all.yml", 3, 12);

    static String file(String name) throws Exception {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void decryptsAWholeFileWithUtf8Content() throws Exception {
        String plain = new Vault(List.of(DEFAULT)).decrypt(file("secrets.yml"), LOC);
        assertThat(plain).isEqualTo("db_user: app\ndb_password: \"s3cr3t-p\u00e4ss\"\nports: [5432, 6432]\n");
    }

    @Test
    void labelledVaultIsOpenedWithAnyMatchingSecretWhicheverOrder() throws Exception {
        String text = file("included.yml");
        assertThat(text).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod");
        assertThat(new Vault(List.of(DEFAULT, PROD)).decrypt(text, LOC)).isEqualTo("included_secret: \"{{ db_user }} included\"\n");
        assertThat(new Vault(List.of(PROD, DEFAULT)).decrypt(text, LOC)).contains("included_secret");
        // like Ansible, the label is a preference, not a requirement: the secret is tried under another label too
        assertThat(new Vault(List.of(new Vault.Id("other", PROD.password()))).decrypt(text, LOC)).contains("included_secret");
    }

    @Test
    void inlineValueFromEncryptString() throws Exception {
        String yaml = file("group_vars/all.yml");
        int start = yaml.indexOf("$ANSIBLE_VAULT", yaml.indexOf("api_token"));
        String value = yaml.substring(start, yaml.indexOf("prod_key")).replaceAll("(?m)^\\s+", "");
        assertThat(new Vault(List.of(PROD, DEFAULT)).decrypt(value, LOC)).isEqualTo("tok-123");
    }

    @Test
    void wrongPasswordNamesTheValueAndNotThePassword() throws Exception {
        Vault wrong = new Vault(List.of(new Vault.Id("default", Secret.of("hunter2"))));
        assertThatThrownBy(() -> wrong.decrypt(file("secrets.yml"), LOC))
                .isInstanceOf(SourceException.class)
                .hasMessage("Decryption failed (no vault secrets were found that could decrypt) on group_vars/all.yml:3:12")
                .satisfies(e -> {
                    assertThat(((SourceException) e).loc()).isEqualTo(LOC);
                    assertThat(((SourceException) e).render()).contains("group_vars/all.yml:3:12").doesNotContain("hunter2");
                });
    }

    @Test
    void noSecretsIsAnsiblesMessage() throws Exception {
        assertThatThrownBy(() -> Vault.none().decrypt(file("secrets.yml"), LOC))
                .hasMessage("Attempting to decrypt but no vault secrets found");
    }

    @Test
    void tamperedCiphertextFailsTheHmacCheck() throws Exception {
        String text = file("secrets.yml");
        String[] lines = text.split("\n", 2);
        HexFormat hex = HexFormat.of();
        String inner = new String(hex.parseHex(lines[1].replaceAll("\\s", "")), StandardCharsets.US_ASCII);
        char last = inner.charAt(inner.length() - 1);
        String tampered = inner.substring(0, inner.length() - 1) + (last == '0' ? '1' : '0');
        String body = hex.formatHex(tampered.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new Vault(List.of(DEFAULT)).decrypt(lines[0] + "\n" + body, LOC))
                .hasMessageStartingWith("Decryption failed (no vault secrets were found that could decrypt)");
    }

    @Test
    void malformedBodyIsAFormatError() {
        assertThatThrownBy(() -> new Vault(List.of(DEFAULT)).decrypt("$ANSIBLE_VAULT;1.1;AES256\nzz12\n", LOC))
                .hasMessageStartingWith("There was a vault format error");
        assertThatThrownBy(() -> new Vault(List.of(DEFAULT)).decrypt("$ANSIBLE_VAULT;1.1;DES\n3132\n", LOC))
                .hasMessage("DES cipher could not be found");
    }

    @Test
    void encryptsAsAnsibleVaultWritesAndReadsItBack() {
        byte[] plain = "a: \u00e4\nlong: ".concat("x".repeat(300)).getBytes(StandardCharsets.UTF_8);
        String unlabelled = Vault.encrypt(plain, DEFAULT);
        String labelled = Vault.encrypt(plain, PROD);
        assertThat(unlabelled).startsWith("$ANSIBLE_VAULT;1.1;AES256\n").endsWith("\n");
        assertThat(labelled).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n");
        assertThat(unlabelled.lines().skip(1)).allMatch(l -> l.length() <= 80 && l.matches("[0-9a-f]+"));
        assertThat(unlabelled.lines().skip(1).limit(3)).allMatch(l -> l.length() == 80);
        assertThat(new Vault(List.of(DEFAULT)).decryptBytes(unlabelled, LOC)).isEqualTo(plain);
        Vault.Opened opened = new Vault(List.of(DEFAULT, PROD)).open(labelled, LOC);
        assertThat(opened.plaintext()).isEqualTo(plain);
        assertThat(opened.label()).isEqualTo("prod");
        assertThat(opened.id()).isEqualTo(PROD);
        assertThat(Vault.encrypt(plain, DEFAULT)).as("a new salt each time").isNotEqualTo(unlabelled);
        assertThat(new Vault(List.of(DEFAULT)).decryptBytes(Vault.encrypt(new byte[0], DEFAULT), LOC)).isEmpty();
        assertThat(new Vault(List.of(DEFAULT)).decryptBytes(Vault.encrypt(new byte[16], DEFAULT), LOC)).hasSize(16);
    }
}
