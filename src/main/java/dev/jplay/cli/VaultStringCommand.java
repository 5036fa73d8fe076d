package dev.jplay.cli;

import dev.jplay.connection.Secret;
import dev.jplay.vault.Vault;
import dev.jplay.vault.VaultFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jplay vault encrypt_string}: values to paste into YAML as {@code name: !vault |} blocks, from the
 * arguments, stdin or a prompt (hidden unless {@code --show-input}), formatted as ansible-vault formats them.
 */
@Command(name = "encrypt_string", customSynopsis = "jplay vault encrypt_string [options] [STRING...]",
        description = "Encrypt strings for use as !vault values in YAML.")
final class VaultStringCommand extends VaultFileCommands.Encrypting {
    private static final String FROM_ARGS = "the command line args";

    @Option(names = "--output", paramLabel = "OUTPUT_FILE", description = "Write to this file; - for stdout (default).")
    String output;

    @Option(names = {"-p", "--prompt"}, description = "Prompt for the string to encrypt.")
    boolean prompt;

    @Option(names = "--show-input", description = "Do not hide input when prompted for the string to encrypt.")
    boolean showInput;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The variable name (repeatable, one per string).")
    List<String> names = new ArrayList<>();

    @Option(names = "--stdin-name", paramLabel = "NAME", description = "The variable name for the string read from stdin.")
    String stdinName;

    @Parameters(paramLabel = "STRING", arity = "0..*", description = "Strings to encrypt; - (or none) reads stdin.")
    List<String> strings = new ArrayList<>();

    /** One value to encrypt, where it came from, and its variable name (null: none). */
    private record Plain(byte[] text, String source, String name) {}

    @Override
    void run() {
        boolean fromStdin = strings.contains("-") || (strings.isEmpty() && !prompt) || stdinName != null;
        if (prompt && fromStdin) {
            throw new VaultCommand.Failed("The --prompt option is not supported if also reading input from stdin", ExitCodes.BAD_OPTIONS);
        }
        Vault.Id id = encryptSecret();
        List<Plain> plains = new ArrayList<>();
        if (prompt) plains.add(prompted());
        if (fromStdin) plains.add(stdin());
        plains.addAll(fromArgs());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plains.size(); i++) {
            Plain p = plains.get(i);
            if (plains.size() > 1) {
                System.err.print(p.name() != null
                        ? "# The encrypted version of variable (\"" + p.name() + "\", the string #" + (i + 1) + " from " + p.source() + ").\n"
                        : "# The encrypted version of the string #" + (i + 1) + " from " + p.source() + ".)\n");
            }
            out.add(block(Vault.encrypt(p.text(), id), p.name()));
        }
        String target = output == null ? "-" : VaultFileCommands.output(output);
        VaultFiles.write(String.join("\n", out).getBytes(StandardCharsets.UTF_8), target, VaultFiles.Replace.SHRED, System.out);
        if (stdoutIsTerminal()) System.err.println("Encryption successful");
    }

    /** {@code name: !vault |} and the vault text indented by 10, as ansible-vault's format_ciphertext_yaml. */
    static String block(String vaultText, String name) {
        StringBuilder sb = new StringBuilder(name != null ? name + ": " : "").append("!vault |");
        for (String line : vaultText.split("\n")) sb.append('\n').append(" ".repeat(10)).append(line);
        return sb.toString();
    }

    private Plain prompted() {
        String name = Secrets.askLine("Variable name (enter for no name): ");
        Secret text = showInput ? Secret.of(Secrets.askLine("String to encrypt:")) : Secrets.ask("String to encrypt (hidden): ");
        if (text == null || name == null) throw new VaultCommand.Failed("no terminal to prompt on", ExitCodes.BAD_OPTIONS);
        if (text.reveal().isEmpty()) {
            throw new VaultCommand.Failed("The plaintext provided from the prompt was empty, not encrypting", ExitCodes.BAD_OPTIONS);
        }
        return new Plain(text.reveal().getBytes(StandardCharsets.UTF_8), "the interactive prompt", name.isEmpty() ? null : name);
    }

    private Plain stdin() {
        if (stdoutIsTerminal()) {
            System.err.println("Reading plaintext input from stdin. (ctrl-d to end input, twice if your content does not already have a newline)");
        }
        byte[] text = VaultFiles.read("-", System.in);
        if (text.length == 0) throw new VaultCommand.Failed("stdin was empty, not encrypting", ExitCodes.BAD_OPTIONS);
        return new Plain(text, "stdin", stdinName);
    }

    private List<Plain> fromArgs() {
        List<String> args = strings.stream().filter(s -> !s.equals("-")).toList();
        if (!names.isEmpty() && args.size() > names.size()) {
            System.err.println("The number of --name options do not match the number of args.");
            System.err.println("The last named variable will be \"" + names.get(names.size() - 1) + "\". The rest will not have names.");
        }
        List<Plain> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isEmpty()) {
                throw new VaultCommand.Failed("The plaintext provided from the command line args was empty, not encrypting", ExitCodes.BAD_OPTIONS);
            }
            out.add(new Plain(args.get(i).getBytes(StandardCharsets.UTF_8), FROM_ARGS, i < names.size() ? names.get(i) : null));
        }
        return out;
    }
}
