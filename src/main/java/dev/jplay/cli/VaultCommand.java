package dev.jplay.cli;

import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jplay vault ACTION}: ansible-vault's actions and options. Files written here are read by ansible-vault
 * 2.14 and the other way round; passwords come from files, scripts or the terminal, never from the command line.
 */
@Command(name = "vault", customSynopsis = "jplay vault {create,decrypt,edit,view,encrypt,encrypt_string,rekey} [options] [FILE...]",
        description = "Encrypt and decrypt Ansible Vault files and strings (like 'ansible-vault').",
        subcommands = {VaultFileCommands.Create.class, VaultFileCommands.Decrypt.class, VaultFileCommands.Edit.class,
                VaultFileCommands.View.class, VaultFileCommands.Encrypt.class, VaultStringCommand.class, VaultFileCommands.Rekey.class})
public final class VaultCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        System.err.println("usage: jplay vault {create,decrypt,edit,view,encrypt,encrypt_string,rekey} ...\n"
                + "jplay vault: error: the following arguments are required: action");
        return ExitCodes.FAILED;
    }

    /** An error ansible-vault reports as {@code ERROR! message} with this exit code (1 errors, 5 option errors). */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Failed(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    /** The options every action has; the {@code run} of an action reports its failures as ansible-vault does. */
    abstract static class Action implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        VaultOptions vault = new VaultOptions();

        @Option(names = {"-v", "--verbose"}, description = "More messages.")
        boolean[] verbose = new boolean[0];

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        final Path cwd = Path.of("").toAbsolutePath();

        abstract void run();

        @Override
        public final Integer call() {
            try {
                run();
                return ExitCodes.OK;
            } catch (Failed f) {
                System.err.println("ERROR! " + f.getMessage());
                return f.code;
            } catch (VaultSecrets.PasswordsDiffer | IllegalArgumentException | IllegalStateException e) {
                System.err.println("ERROR! " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }

        Settings settings() {
            return Settings.load(System.getenv(), cwd);
        }

        /** The secrets to open vault texts with (decrypt, view, edit, rekey): asked for when none is given. */
        Vault readSecrets() {
            Vault v = VaultSecrets.load(VaultSecrets.Request.of(vault, VaultSecrets.Prompting.READ), settings(), cwd, this::warn);
            if (!v.hasSecrets()) throw new Failed("A vault password is required to use Ansible's Vault", ExitCodes.BAD_OPTIONS);
            return v;
        }

        /** The one secret to encrypt with, as ansible-vault chooses it ({@code --encrypt-vault-id}, else the only one). */
        static Vault.Id encryptSecret(Vault v, String encryptId, String what) {
            List<Vault.Id> ids = v.ids();
            if (ids.isEmpty()) throw new Failed("A " + what + "vault password is required to use Ansible's Vault", ExitCodes.BAD_OPTIONS);
            if (encryptId != null) {
                for (Vault.Id id : ids) if (id.label().equals(encryptId)) return id;
                List<String> known = new ArrayList<>();
                ids.forEach(id -> known.add("'" + id.label() + "'"));
                throw new Failed("Did not find a match for --encrypt-vault-id=" + encryptId + " in the known vault-ids " + known, ExitCodes.ERROR);
            }
            if (ids.size() > 1) {
                throw new Failed("The vault-ids " + String.join(",", ids.stream().map(Vault.Id::label).toList())
                        + " are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id", ExitCodes.BAD_OPTIONS);
            }
            return ids.get(0);
        }

        /** Opens a vault text read from {@code name}, or fails with ansible-vault's message naming the file. */
        static Vault.Opened open(Vault v, byte[] data, String name) {
            String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
            if (!Decrypter.isVault(text.stripLeading())) {
                throw new Failed("input is not vault encrypted data. " + name + " is not a vault encrypted file for " + name, ExitCodes.ERROR);
            }
            try {
                return v.open(text, Loc.of(name));
            } catch (SourceException e) {
                throw new Failed(e.getMessage() + " for " + name, ExitCodes.ERROR);
            }
        }

        void warn(String message) {
            System.err.println("[WARNING]: " + message);
        }

        static boolean stdoutIsTerminal() {
            return System.console() != null;
        }
    }
}
