/**
 * The interactive console (jline3): a REPL that runs ad-hoc module commands on a host pattern with completion and history, reusing open connections.
 */
package dev.jplay.console;
