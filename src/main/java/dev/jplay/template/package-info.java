/**
 * Jinja2: a parser and evaluator for {{ }} expressions, when: conditions and .j2 templates, with Python truthiness, lazy Undefined, Ansible's filters, tests and lookups.
 */
package dev.jplay.template;
