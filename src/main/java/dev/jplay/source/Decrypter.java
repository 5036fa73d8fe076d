package dev.jplay.source;

import java.nio.charset.StandardCharsets;

/** Turns vault text ({@code $ANSIBLE_VAULT;...}) into plain text; the vault layer implements it with the run's secrets. */
@FunctionalInterface
public interface Decrypter {
    /** For code paths that have no vault secrets: vault text fails with Ansible's message. */
    Decrypter NONE = (text, loc) -> {
        throw new SourceException("Attempting to decrypt but no vault secrets found", loc,
                "give the password with --ask-vault-pass, --vault-password-file FILE or --vault-id LABEL@SOURCE", null,
                SourceException.Kind.ERROR);
    };

    /** The plain bytes ({@code loc} names the value or file in errors). */
    byte[] decryptBytes(String vaultText, Loc loc);

    /** The plain text, as UTF-8. */
    default String decrypt(String vaultText, Loc loc) {
        return new String(decryptBytes(vaultText, loc), StandardCharsets.UTF_8);
    }

    static boolean isVault(String text) {
        return text.startsWith("$ANSIBLE_VAULT;");
    }

    static boolean isVault(byte[] data) {
        return isVault(new String(data, 0, Math.min(data.length, 15), StandardCharsets.ISO_8859_1));
    }
}
