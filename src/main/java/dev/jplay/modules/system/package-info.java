/**
 * System modules: systemd, service, sysctl, modprobe, mount, hostname, timezone, user, group, cron, reboot, wait_for, uri.
 */
package dev.jplay.modules.system;
