package dev.jplay.template;

import dev.jplay.data.Py;

/**
 * Jinja2's undefined value: what an unknown name, a missing attribute or a missing key evaluates to. It can be
 * tested ({@code is defined}, {@code default()}) and passed around; using it (printing, arithmetic, iteration,
 * attribute access) fails with {@link #message()}, as Ansible's strict undefined does. The lenient kind (an inline
 * {@code if} without {@code else} that was false) prints as an empty string, iterates as empty and is false.
 */
public final class Undefined {
    /** Jinja2's {@code missing}: the object of an undefined variable (it has none). */
    private static final Object MISSING = new Object();

    private final String message;
    private final Object name;
    private final Object obj;
    private final String hint;
    private final boolean lenient;

    private Undefined(String message, String hint, Object obj, Object name, boolean lenient) {
        this.message = message;
        this.hint = hint;
        this.obj = obj;
        this.name = name;
        this.lenient = lenient;
    }

    /** An undefined variable. */
    public static Undefined of(String name) {
        return new Undefined("'" + name + "' is undefined", null, MISSING, name, false);
    }

    /** An undefined attribute or key {@code attr} of {@code obj} (a {@code objectType}), with Jinja2's wording. */
    static Undefined attribute(Object obj, String objectType, String attr) {
        return new Undefined("'" + objectType + "' has no attribute '" + attr + "'", null, obj, attr, false);
    }

    /** An undefined attribute of an object whose value does not matter (a built-in object of the engine). */
    public static Undefined attribute(String objectType, String attr) {
        return new Undefined("'" + objectType + "' has no attribute '" + attr + "'", null, MISSING, attr, false);
    }

    /** A missing item {@code key} of {@code obj}, failing with {@code message} when used. */
    static Undefined item(Object obj, Object key, String message) {
        return new Undefined(message, null, obj, key, false);
    }

    /** An undefined value with a hint of its own (Jinja2's {@code undefined(hint)}). */
    public static Undefined withMessage(String message) {
        return new Undefined(message, message, MISSING, null, false);
    }

    /** Jinja2's plain (not strict) Undefined. */
    static Undefined lenient(String message) {
        return new Undefined(message, message, MISSING, null, true);
    }

    public String message() {
        return message;
    }

    /** The missing variable's or attribute's name (null when not known). */
    String name() {
        return name instanceof String n ? n : null;
    }

    boolean isLenient() {
        return lenient;
    }

    /** Python's {@code repr()}: Jinja2's {@code Undefined}, or Ansible's {@code AnsibleUndefined(hint=..., obj=..., name=...)}. */
    @Override
    public String toString() {
        if (lenient) return "Undefined";
        return "AnsibleUndefined(hint=" + Py.repr(hint) + ", obj=" + (obj == MISSING ? "missing" : Py.repr(obj)) + ", name="
                + Py.repr(name) + ")";
    }
}
