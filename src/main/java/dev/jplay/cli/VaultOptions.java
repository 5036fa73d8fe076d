package dev.jplay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** ansible-playbook's vault flags (also on {@code jplay inventory}, as on ansible-inventory). */
public final class VaultOptions {
    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "Vault password file; an executable file is run and its output used (repeatable).")
    public List<Path> passwordFiles = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-password", "--ask-vault-pass"}, description = "Ask for the vault password.")
    public boolean ask;

    @Option(names = "--vault-id", paramLabel = "ID", description = "Vault identity: [LABEL@]FILE, [LABEL@]SCRIPT or [LABEL@]prompt (repeatable).")
    public List<String> ids = new ArrayList<>();
}
