/**
 * Connections to hosts, one type per class listed in {@link dev.jplay.connection.ConnectionTypes}: ssh (sshj, persistent
 * shells), local (processes on the controller), chroot (processes inside a directory tree); with become, atomic file
 * transfer and one long-lived connection per host.
 */
package dev.jplay.connection;
