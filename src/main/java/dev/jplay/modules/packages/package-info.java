/**
 * Package modules for Debian/Ubuntu hosts: apt, apt_key, apt_repository, deb822_repository, dpkg_selections, package.
 */
package dev.jplay.modules.packages;
