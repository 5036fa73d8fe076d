/**
 * Variable precedence: the layers Ansible merges (role defaults ... extra vars), per-host scopes, hostvars, facts and registered results.
 */
package dev.jplay.vars;
