package dev.jplay.template;

/**
 * Jinja2's undefined value: what an unknown name, a missing attribute or a missing key evaluates to. It can be
 * tested ({@code is defined}, {@code default()}) and passed around; using it (printing, arithmetic, iteration,
 * attribute access in strict contexts) raises {@link TemplateException} with {@link #message()}.
 */
public final class Undefined {
    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    /** An undefined variable. */
    public static Undefined of(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** An undefined attribute or key of an object, with Jinja2's wording. */
    public static Undefined attribute(String objectType, String attr) {
        return new Undefined("'" + objectType + "' has no attribute '" + attr + "'");
    }

    public static Undefined withMessage(String message) {
        return new Undefined(message);
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "Undefined(" + message + ")";
    }
}
