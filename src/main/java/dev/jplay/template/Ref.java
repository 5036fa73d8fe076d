package dev.jplay.template;

/** A filter, test or lookup named in template text, at offset {@code pos} (recorded while parsing). */
record Ref(TemplateCheck.Kind kind, String name, int pos) {}
