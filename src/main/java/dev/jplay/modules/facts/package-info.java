/**
 * Facts as Ansible's {@code setup} gathers them, from one POSIX shell script and one round trip (no Python needed):
 * {@link dev.jplay.modules.facts.FactsScript} prints tagged raw lines, the collectors ({@code PlatformFacts},
 * {@code HardwareFacts}, {@code NetworkFacts}, {@code VirtualFacts}) turn them into Ansible's fact names and types,
 * {@link dev.jplay.modules.facts.Subsets} applies {@code gather_subset}. Also {@code gather_facts},
 * {@code package_facts} and {@code service_facts}.
 */
package dev.jplay.modules.facts;
