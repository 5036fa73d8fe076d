/**
 * Events and callbacks: the only package that prints. The default callback renders Ansible's output format; others emit JSON lines or timing summaries.
 */
package dev.jplay.output;
