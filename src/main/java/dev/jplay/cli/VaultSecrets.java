package dev.jplay.cli;

import dev.jplay.connection.Secret;
import dev.jplay.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run's vault secrets from {@code --vault-id}, {@code --vault-password-file}, {@code --ask-vault-pass} and the
 * configuration, in ansible-playbook's order: configured identities, {@code --vault-id}s, password files (the
 * configured one last), then the prompt. A source is {@code prompt}, an executable (run; {@code *-client} scripts get
 * {@code --vault-id LABEL}) or a file (its content stripped of surrounding whitespace). An unreadable source is a
 * warning while another secret was found, as in Ansible, and an error otherwise.
 */
final class VaultSecrets {
    private VaultSecrets() {}

    static Vault load(VaultOptions options, Settings settings, Path cwd, Consumer<String> warn) {
        String defaultLabel = settings.vaultIdentity() == null ? "default" : settings.vaultIdentity();
        List<String> slugs = new ArrayList<>(settings.vaultIdentityList());
        slugs.addAll(options.ids);
        for (Path f : options.passwordFiles) slugs.add(defaultLabel + "@" + f);
        if (settings.vaultPasswordFile() != null) slugs.add(defaultLabel + "@" + settings.vaultPasswordFile());
        if (options.ask) slugs.add(defaultLabel + "@prompt_ask_vault_pass");
        List<Vault.Id> ids = new ArrayList<>();
        IllegalArgumentException last = null;
        for (String slug : slugs) {
            int at = slug.indexOf('@');
            String label = at < 0 ? defaultLabel : slug.substring(0, at);
            String source = at < 0 ? slug : slug.substring(at + 1);
            try {
                ids.add(new Vault.Id(label, secret(label, source, cwd)));
            } catch (IllegalArgumentException e) {
                warn.accept("Error getting vault password file (" + label + "): " + e.getMessage());
                last = e;
            }
        }
        if (last != null && ids.isEmpty()) throw last;
        return new Vault(ids);
    }

    private static Secret secret(String label, String source, Path cwd) {
        if (source.equals("prompt") || source.equals("prompt_ask_vault_pass")) {
            Secret s = Secrets.ask(source.equals("prompt") ? "Vault password (" + label + "): " : "Vault password: ");
            if (s == null) throw new IllegalArgumentException("no terminal to ask for the vault password; use --vault-password-file");
            return nonEmpty(s.reveal(), "Invalid vault password was provided");
        }
        Path file = cwd.resolve(source.startsWith("~/") ? System.getProperty("user.home") + source.substring(1) : source);
        if (!Files.exists(file)) throw new IllegalArgumentException("The vault password file " + file + " was not found");
        if (Secrets.isScript(file)) return fromScript(file, label);
        try {
            return nonEmpty(Files.readString(file, StandardCharsets.UTF_8).strip(),
                    "Invalid vault password was provided from file (" + file + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read vault password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Secret fromScript(Path script, String label) {
        String name = script.getFileName().toString();
        int dot = name.lastIndexOf('.');
        boolean client = (dot > 0 ? name.substring(0, dot) : name).endsWith("-client");
        String out = Secrets.scriptOutput(client ? List.of(script.toString(), "--vault-id", label) : List.of(script.toString()));
        return nonEmpty(out.replaceAll("^[\r\n]+|[\r\n]+$", ""), "Invalid vault password was provided from script (" + script + ")");
    }

    private static Secret nonEmpty(String password, String message) {
        if (password.isEmpty()) throw new IllegalArgumentException(message);
        return Secret.of(password);
    }
}
