/**
 * Engine-facing modules: debug, set_fact, fail, assert, meta, include_vars, add_host, group_by, pause, ping.
 */
package dev.jplay.modules.core;
