/**
 * Built-in modules, one small class each, behind the Module interface (read state, decide, apply unless check mode, report changed/diff); argument specs that drive validation and jplay doc; external JSON-contract modules.
 */
package dev.jplay.modules;
