/**
 * The fact layer modules share: {@link dev.jplay.modules.probes.Fact} (a shell snippet and the parser of its
 * output), {@link dev.jplay.modules.probes.Probes} (several snippets or facts read in one round trip) and
 * {@link dev.jplay.modules.probes.HostFiles} (reading, writing and diffing a file on the host). Module groups
 * (files, system, packages, facts) depend on this package, never on each other for helpers.
 */
package dev.jplay.modules.probes;
