/**
 * Jinja2: a parser and evaluator for {{ }} expressions, when: conditions and .j2 templates, with Python truthiness,
 * lazy Undefined, Ansible's filters, tests and lookups.
 *
 * <p>{@link dev.jplay.template.Templar} is the entry point: {@code template(value, ctx)} renders with Ansible 2.14's
 * non-native rules, {@code condition(when, ctx)} evaluates conditionals, {@code renderFile} renders {@code .j2}
 * files.
 *
 * <p><b>Static checking</b> (validation before any host is contacted): {@code Templar.check(text, loc)} for template
 * text and {@code Templar.checkCondition(expr, loc)} for a bare {@code when:} expression parse without evaluating
 * and return a {@link dev.jplay.template.TemplateCheck}: the located syntax error (with the message evaluation
 * would fail with), and every filter, test and lookup named, each with its location, whether it exists and a
 * "did you mean" hint. {@code Templar.has(kind, name)} answers for a single name ({@code with_<lookup>} loops).
 * The parse is cached and reused by the evaluation that follows, so checking costs one parse per distinct text.
 */
package dev.jplay.template;
