/**
 * Plain data helpers shared by every layer: JSON reading and writing with Python's formatting, Python str()/repr() of values.
 */
package dev.jplay.data;
