/**
 * Command modules and fact gathering: command, shell, raw, script, setup; and external modules (any executable speaking Ansible's JSON module contract).
 */
package dev.jplay.modules.commands;
