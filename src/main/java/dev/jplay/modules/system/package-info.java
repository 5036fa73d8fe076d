/**
 * Commands, facts and system modules: command, shell, raw, script, setup, apt and friends, systemd, sysctl, modprobe, mount, hostname, timezone, user, group, cron, reboot, wait_for, uri.
 */
package dev.jplay.modules.system;
