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
 * The vault secrets from {@code --vault-id}, {@code --vault-password-file}, {@code --ask-vault-pass} and the
 * configuration, in Ansible's order: configured identities, {@code --vault-id}s, password files (the configured one
 * last), then the prompt. A source is {@code prompt}, an executable (run; {@code *-client} scripts get
 * {@code --vault-id LABEL}) or a file (its content stripped of surrounding whitespace). An unreadable source is a
 * warning while another secret was found, as in Ansible, and an error otherwise.
 */
final class VaultSecrets {
    private VaultSecrets() {}

    /**
     * When to ask: {@code RUN} only when told ({@code --ask-vault-pass}, {@code LABEL@prompt}), as ansible-playbook;
     * {@code READ} also when no other secret is given, as ansible-vault's decrypt, view, edit, rekey; {@code NEW} like
     * {@code READ} for a new password, asked twice (create, encrypt, encrypt_string, rekey's new password).
     */
    enum Prompting { RUN, READ, NEW }

    /**
     * Where secrets come from: {@code --vault-id}s, password files, {@code --ask-vault-pass}, and whether the configured
     * identity list counts (not for rekey's new password unless {@code --encrypt-vault-id} is given, as in Ansible).
     */
    record Request(List<String> ids, List<Path> passwordFiles, boolean ask, boolean configuredIds, Prompting prompting) {
        static Request of(VaultOptions o, Prompting prompting) {
            return new Request(o.ids, o.passwordFiles, o.ask, true, prompting);
        }
    }

    static Vault load(VaultOptions options, Settings settings, Path cwd, Consumer<String> warn) {
        return load(Request.of(options, Prompting.RUN), settings, cwd, warn);
    }

    static Vault load(Request r, Settings settings, Path cwd, Consumer<String> warn) {
        String defaultLabel = settings.vaultIdentity() == null ? "default" : settings.vaultIdentity();
        List<String> slugs = new ArrayList<>(r.configuredIds() ? settings.vaultIdentityList() : List.of());
        slugs.addAll(r.ids());
        for (Path f : r.passwordFiles()) slugs.add(defaultLabel + "@" + f);
        if (settings.vaultPasswordFile() != null) slugs.add(defaultLabel + "@" + settings.vaultPasswordFile());
        Prompting prompting = r.prompting();
        if (r.ask() || (prompting != Prompting.RUN && slugs.isEmpty())) slugs.add(defaultLabel + "@prompt_ask_vault_pass");
        List<Vault.Id> ids = new ArrayList<>();
        IllegalArgumentException last = null;
        for (String slug : slugs) {
            int at = slug.indexOf('@');
            String label = at < 0 ? defaultLabel : slug.substring(0, at);
            String source = at < 0 ? slug : slug.substring(at + 1);
            if (label.contains(";")) {
                throw new IllegalArgumentException("'" + slug + "' is not a valid vault id. The character ';' is not allowed in vault ids");
            }
            try {
                ids.add(new Vault.Id(label, secret(label, source, cwd, prompting == Prompting.NEW)));
            } catch (IllegalArgumentException e) {
                warn.accept("Error getting vault password file (" + label + "): " + e.getMessage());
                last = e;
            }
        }
        if (last != null && ids.isEmpty()) throw last;
        return new Vault(ids);
    }

    private static Secret secret(String label, String source, Path cwd, boolean fresh) {
        if (source.equals("prompt") || source.equals("prompt_ask_vault_pass")) return prompt(label, source.equals("prompt"), fresh);
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

    /** Ansible's prompts: {@code Vault password (label): }, or the older {@code Vault password: } for --ask-vault-pass. */
    private static Secret prompt(String label, boolean labelled, boolean fresh) {
        String first = labelled ? (fresh ? "New vault password (" + label + "): " : "Vault password (" + label + "): ")
                : fresh ? "New Vault password: " : "Vault password: ";
        Secret s = ask(first);
        nonEmpty(s.reveal().strip(), "Invalid vault password was provided");
        if (fresh) {
            Secret again = ask(labelled ? "Confirm new vault password (" + label + "): " : "Confirm New Vault password: ");
            if (!again.reveal().strip().equals(s.reveal().strip())) throw new PasswordsDiffer();
        }
        return Secret.of(s.reveal().strip());
    }

    private static Secret ask(String prompt) {
        Secret s = Secrets.ask(prompt);
        if (s == null) throw new IllegalArgumentException("no terminal to ask for the vault password; use --vault-password-file");
        return s;
    }

    /** The two new passwords typed differ: an error at once, not a warning. */
    static final class PasswordsDiffer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PasswordsDiffer() {
            super("Passwords do not match");
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
