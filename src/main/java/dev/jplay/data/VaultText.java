package dev.jplay.data;

import dev.jplay.source.Loc;

/** An inline {@code !vault} value, still encrypted; decrypted by the vars layer when a vault secret is known. */
public record VaultText(String ciphertext, Loc loc) {
    @Override
    public String toString() {
        return "<vault encrypted value>";
    }
}
