/**
 * File modules: copy, template, file, lineinfile, blockinfile, replace, stat, slurp, fetch, unarchive, get_url, tempfile, find.
 */
package dev.jplay.modules.files;
