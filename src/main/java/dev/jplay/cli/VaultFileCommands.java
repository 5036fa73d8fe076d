package dev.jplay.cli;

import dev.jplay.connection.ShellWords;
import dev.jplay.source.Decrypter;
import dev.jplay.vault.Vault;
import dev.jplay.vault.VaultEditor;
import dev.jplay.vault.VaultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file actions of {@code jplay vault}: create, decrypt, edit, view, encrypt, rekey. */
final class VaultFileCommands {
    private VaultFileCommands() {}

    /** Encrypt with: the vault id of {@code --encrypt-vault-id}, else the configured one. */
    abstract static class Encrypting extends VaultCommand.Action {
        @Option(names = "--encrypt-vault-id", paramLabel = "ID", description = "The vault id to encrypt with (required when several are given).")
        String encryptVaultId;

        Vault.Id encryptSecret() {
            String id = encryptVaultId != null ? encryptVaultId : settings().vaultEncryptIdentity();
            Vault v = VaultSecrets.load(VaultSecrets.Request.of(vault, VaultSecrets.Prompting.NEW), settings(), cwd, this::warn);
            return encryptSecret(v, id, "");
        }
    }

    @Command(name = "create", customSynopsis = "jplay vault create [options] FILE", description = "Create a new vault encrypted file in $EDITOR.")
    static final class Create extends Encrypting {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "The file to create.")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            if (files.size() != 1) throw new VaultCommand.Failed("jplay vault create can take only one filename argument", ExitCodes.BAD_OPTIONS);
            Path file = cwd.resolve(files.get(0));
            Path dir = file.getParent();
            if (Files.isRegularFile(file)) throw new VaultCommand.Failed(files.get(0) + " exists, please use 'edit' instead", ExitCodes.ERROR);
            Vault.Id id = encryptSecret();
            if (!Files.isDirectory(dir)) {
                warn(dir + " does not exist, creating...");
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new VaultCommand.Failed("cannot create " + dir + ": " + e.getMessage(), ExitCodes.ERROR);
                }
            }
            byte[] text = editor().edit(new byte[0], suffix(file));
            if (text == null) throw new VaultCommand.Failed("interrupted: " + files.get(0) + " was not created", 130);
            VaultFiles.create(file, Vault.encrypt(text, id).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Command(name = "edit", customSynopsis = "jplay vault edit [options] FILE...", description = "Edit vault encrypted files in $EDITOR.")
    static final class Edit extends Encrypting {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to edit.")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            Vault v = readSecrets();
            for (String name : files) {
                Path file = cwd.resolve(name);
                Vault.Opened opened = open(v, VaultFiles.read(file.toString(), System.in), name);
                byte[] text = editor().edit(opened.plaintext(), suffix(file));
                if (text == null) throw new VaultCommand.Failed("interrupted: " + name + " was left as it was", 130);
                if (!VaultEditor.changed(opened.plaintext(), text)) continue;
                // the same secret and the same label (version) as the file had
                String again = Vault.encrypt(text, new Vault.Id(opened.label() == null ? "default" : opened.label(), opened.id().password()));
                VaultFiles.write(again.getBytes(StandardCharsets.UTF_8), file.toString(), VaultFiles.Replace.KEEP_MODE, System.out);
            }
        }
    }

    @Command(name = "view", customSynopsis = "jplay vault view [options] FILE...", description = "Show vault encrypted files (in $PAGER on a terminal).")
    static final class View extends VaultCommand.Action {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to show.")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            Vault v = readSecrets();
            for (String name : files) {
                byte[] text = open(v, VaultFiles.read(cwd.resolve(name).toString(), System.in), name).plaintext();
                Pager.show(new String(text, StandardCharsets.UTF_8));
            }
        }
    }

    @Command(name = "decrypt", customSynopsis = "jplay vault decrypt [options] [FILE...]", description = "Decrypt vault encrypted files (or stdin).")
    static final class Decrypt extends VaultCommand.Action {
        @picocli.CommandLine.Mixin
        InOut io = new InOut();

        @Override
        void run() {
            Vault v = readSecrets();
            io.convert(cwd, "ciphertext", (data, name) -> open(v, data, name).plaintext(), VaultFiles.Replace.PLAIN);
            if (stdoutIsTerminal()) System.err.println("Decryption successful");
        }
    }

    @Command(name = "encrypt", customSynopsis = "jplay vault encrypt [options] [FILE...]", description = "Encrypt files (or stdin).")
    static final class Encrypt extends Encrypting {
        @picocli.CommandLine.Mixin
        InOut io = new InOut();

        @Override
        void run() {
            Vault.Id id = encryptSecret();
            io.convert(cwd, "plaintext", (plain, name) -> {
                if (Decrypter.isVault(plain)) throw new VaultCommand.Failed("input is already encrypted", ExitCodes.ERROR);
                return Vault.encrypt(plain, id).getBytes(StandardCharsets.UTF_8);
            }, VaultFiles.Replace.SHRED);
            if (stdoutIsTerminal()) System.err.println("Encryption successful");
        }
    }

    @Command(name = "rekey", customSynopsis = "jplay vault rekey [options] FILE...", description = "Encrypt vault files again with a new password.")
    static final class Rekey extends Encrypting {
        @Option(names = "--new-vault-password-file", paramLabel = "FILE", description = "The new password's file (or script).")
        Path newPasswordFile;

        @Option(names = "--new-vault-id", paramLabel = "ID", description = "The new vault identity: [LABEL@]FILE|SCRIPT|prompt.")
        String newVaultId;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to rekey.")
        List<String> files = new ArrayList<>();

        @Override
        void run() {
            if (newPasswordFile != null && newVaultId != null) {
                throw new VaultCommand.Failed("argument --new-vault-id: not allowed with argument --new-vault-password-file", ExitCodes.FAILED);
            }
            Vault old = readSecrets();
            String encryptId = encryptVaultId != null ? encryptVaultId : settings().vaultEncryptIdentity();
            Vault fresh = VaultSecrets.load(new VaultSecrets.Request(newVaultId == null ? List.of() : List.of(newVaultId),
                    newPasswordFile == null ? List.of() : List.of(newPasswordFile), vault.ask, encryptId != null,
                    VaultSecrets.Prompting.NEW), settings(), cwd, this::warn);
            Vault.Id id = encryptSecret(fresh, encryptId, "new ");
            for (String name : files) {
                Path file = cwd.resolve(name);
                byte[] plain = open(old, VaultFiles.read(file.toString(), System.in), name).plaintext();
                VaultFiles.write(Vault.encrypt(plain, id).getBytes(StandardCharsets.UTF_8), file.toString(), VaultFiles.Replace.KEEP_MODE, System.out);
            }
            System.err.println("Rekey successful");
        }
    }

    /** decrypt's and encrypt's files (stdin without one) and {@code --output}. */
    static final class InOut {
        @Option(names = "--output", paramLabel = "OUTPUT_FILE", description = "Write to this file; - for stdout.")
        String output;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files (default: stdin).")
        List<String> files = new ArrayList<>();

        /** Each file through {@code convert}, written back, or to {@code --output}. */
        void convert(Path cwd, String what, BiFunction<byte[], String, byte[]> convert, VaultFiles.Replace how) {
            if (output != null && files.size() > 1) {
                throw new VaultCommand.Failed("At most one input file may be used with the --output option", ExitCodes.BAD_OPTIONS);
            }
            if (files.isEmpty() && System.console() != null) System.err.println("Reading " + what + " input from stdin");
            for (String name : files.isEmpty() ? List.of("-") : files) {
                String path = name.equals("-") ? name : cwd.resolve(name).toString();
                byte[] result = convert.apply(VaultFiles.read(path, System.in), name);
                VaultFiles.write(result, output != null ? output(output) : path, how, System.out);
            }
        }
    }

    static String output(String output) {
        return output.equals("-") ? output : Path.of(output).toAbsolutePath().toString();
    }

    static VaultEditor editor() {
        String editor = System.getenv().getOrDefault("EDITOR", "vi");
        return new VaultEditor(ShellWords.split(editor.isBlank() ? "vi" : editor));
    }

    /** The temporary copy keeps the file's extension, so the editor picks its syntax. */
    static String suffix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
