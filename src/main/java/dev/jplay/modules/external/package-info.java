/**
 * Drop-in modules: any executable in a module directory ({@code modules/}, {@code library/}, {@code -M}, ansible.cfg
 * {@code library}) that speaks Ansible's module contract — it gets its arguments in a file (JSON when the file
 * contains {@code WANT_JSON}, else {@code key=value} pairs) and prints one JSON object with {@code changed},
 * {@code failed}, {@code msg} and its own keys.
 */
package dev.jplay.modules.external;
