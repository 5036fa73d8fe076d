/**
 * Package modules for Debian/Ubuntu hosts: apt, apt_key, apt_repository, deb822_repository, dpkg_selections, package, debconf,
 * pip; and for RPM hosts rpm_key.
 */
package dev.jplay.modules.packages;
