package dev.jplay.template;

/**
 * A filter, test or lookup named in template text, at offset {@code pos} (recorded while parsing). {@code direct}:
 * written as a filter or test ({@code x | f}, {@code x is t}), which Ansible resolves when it compiles the template;
 * otherwise named in an argument ({@code map('f')}, {@code lookup('l')}) and resolved when that call runs.
 */
record Ref(TemplateCheck.Kind kind, String name, int pos, boolean direct) {}
