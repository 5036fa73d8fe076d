/**
 * Inventory sources (INI, YAML, JSON, host lists, directories) loaded into an immutable Inventory of hosts and groups with their variables; host patterns (a:b, a:&amp;b, a:!b, ~regex, g[0:2]).
 */
package dev.jplay.inventory;
