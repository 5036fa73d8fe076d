/**
 * Source locations (file:line:col), the located YAML loader (snakeyaml compose, YAML 1.1 as Ansible reads it) and errors rendered with the offending line and a caret.
 */
package dev.jplay.source;
