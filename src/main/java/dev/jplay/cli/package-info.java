/**
 * Command line: picocli commands (playbook, adhoc, console, doc, inventory, config), option parsing, exit-code mapping. Turns arguments into a run request and hands it to the executor.
 */
package dev.jplay.cli;
