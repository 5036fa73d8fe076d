package dev.jplay.template;

import java.util.Set;

/**
 * Ansible 2.14's {@code ansible_native_concat} (jinja2_native): what a rendered template string becomes. No piece
 * gives None; one piece that is not text is that value as it is; otherwise the text (the pieces joined, None as
 * {@code None}) is read as a Python literal when it is one, a string literal keeping its quotes.
 */
final class NativeConcat {
    /** Ansible's default STRING_TYPE_FILTERS: filters whose text result is never read as a literal. */
    static final Set<String> STRING_TYPE_FILTERS = Set.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml", "ppretty", "json");

    private NativeConcat() {}

    /**
     * @param nodes      how many pieces the render wrote (Jinja2's output nodes)
     * @param last       the last piece's value (the only one when {@code nodes} is 1)
     * @param text       the pieces joined
     * @param textFilter the template is one call of a STRING_TYPE_FILTERS filter (Ansible's NativeJinjaText)
     */
    static Object of(int nodes, Object last, String text, boolean textFilter) {
        if (nodes == 0) return null;
        if (nodes == 1) {
            if (textFilter) return text;
            if (!(last instanceof CharSequence)) return last;
        }
        return literal(text);
    }

    /** Python's {@code ast.literal_eval(ast.parse(text, mode='eval'))}, or the text when it is not a literal. */
    static Object literal(String text) {
        Object v = PyLiteral.evalPython(text);
        if (v == PyLiteral.NOT_LITERAL) return text;
        if (v instanceof String s) return text.charAt(0) + s + text.charAt(0);
        return v;
    }
}
