/**
 * Ansible Vault: decrypts {@code $ANSIBLE_VAULT;1.1;AES256} and {@code 1.2} (labelled) text, whole files and
 * inline {@code !vault} values, with the run's vault secrets tried in Ansible's order. Secrets stay
 * {@link dev.jplay.connection.Secret}s; decrypted text is cached per ciphertext for the run.
 */
package dev.jplay.vault;
