/**
 * Connections to hosts: local (processes on the controller) and ssh (sshj), with become, atomic file transfer and one long-lived connection per host.
 */
package dev.jplay.connection;
