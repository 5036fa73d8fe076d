package dev.jplay.template;

/**
 * Jinja2's undefined value: what an unknown name, a missing attribute or a missing key evaluates to. It can be
 * tested ({@code is defined}, {@code default()}) and passed around; using it (printing, arithmetic, iteration,
 * attribute access) fails with {@link #message()}, as Ansible's strict undefined does. The lenient kind (an inline
 * {@code if} without {@code else} that was false) prints as an empty string, iterates as empty and is false.
 */
public final class Undefined {
    private final String message;
    private final String name;
    private final boolean lenient;

    private Undefined(String message, String name, boolean lenient) {
        this.message = message;
        this.name = name;
        this.lenient = lenient;
    }

    /** An undefined variable. */
    public static Undefined of(String name) {
        return new Undefined("'" + name + "' is undefined", name, false);
    }

    /** An undefined attribute or key of an object, with Jinja2's wording. */
    public static Undefined attribute(String objectType, String attr) {
        return new Undefined("'" + objectType + "' has no attribute '" + attr + "'", attr, false);
    }

    public static Undefined withMessage(String message) {
        return new Undefined(message, null, false);
    }

    /** Jinja2's plain (not strict) Undefined. */
    static Undefined lenient(String message) {
        return new Undefined(message, null, true);
    }

    public String message() {
        return message;
    }

    /** The missing variable's or attribute's name (null when not known). */
    String name() {
        return name;
    }

    boolean isLenient() {
        return lenient;
    }

    @Override
    public String toString() {
        return lenient ? "Undefined" : "Undefined(" + message + ")";
    }
}
