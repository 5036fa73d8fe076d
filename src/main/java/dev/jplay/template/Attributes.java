package dev.jplay.template;

/** A template-side object with attributes ({@code loop.index}, {@code namespace()} objects). */
interface Attributes {
    Object attribute(String name);
}
