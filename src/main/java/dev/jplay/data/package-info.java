/**
 * Plain data helpers shared by every layer: JSON reading and writing with Python's formatting, Python str()/repr() of values,
 * Ansible's {@code k=v} argument syntax (parse_kv).
 */
package dev.jplay.data;
