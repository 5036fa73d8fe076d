package dev.jplay.template;

import java.nio.file.Path;

/**
 * The Jinja2 engine as the rest of jplay sees it. Thread-safe; parsed templates are cached by their text.
 * Semantics follow Ansible 2.14 with {@code jinja2_native=False}: see the method docs.
 */
public final class Templar {
    public Templar() {}

    /**
     * Templates a value deeply: strings containing {@code {{}}, {@code {%}} or {@code {#}} are rendered, maps
     * (keys and values) and lists recursively, other values returned as they are. A rendered string that is a
     * list, dict or boolean literal ({@code [..]}, {@code {..}}, {@code True}, {@code False}) becomes that value,
     * as Ansible does; {@code None} renders as an empty string.
     */
    public Object template(Object value, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** A {@code when:}-style conditional: a bare expression, a boolean, or a list of them (all must hold). */
    public boolean condition(Object conditional, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** Evaluates a bare expression ({@code foo.bar | default(1)}) to its native value. */
    public Object evaluate(String expression, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** Renders a template file ({@code .j2}) with Ansible's settings (trim_blocks on, a trailing newline kept). */
    public String renderFile(Path file, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** Renders template text; {@code name} is used in error positions. */
    public String renderText(String text, String name, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** What {@code with_<lookupName>: terms} iterates over (terms already templated): the lookup with wantlist=True. */
    public java.util.List<Object> loopLookup(String lookupName, Object terms, TemplateContext ctx) {
        throw new UnsupportedOperationException("template engine not built yet");
    }

    /** Does this value contain template syntax anywhere ({@code {{}}, {@code {%}}, {@code {#}})? */
    public static boolean isTemplate(Object value) {
        if (value instanceof dev.jplay.data.Unsafe) return false;
        if (value instanceof CharSequence s) {
            String t = s.toString();
            return t.contains("{{") || t.contains("{%") || t.contains("{#");
        }
        if (value instanceof java.util.Map<?, ?> m) {
            for (var e : m.entrySet()) if (isTemplate(e.getKey()) || isTemplate(e.getValue())) return true;
            return false;
        }
        if (value instanceof java.util.List<?> l) {
            for (Object o : l) if (isTemplate(o)) return true;
        }
        return false;
    }

    /** Python truthiness: None, False, 0, empty strings and containers are false; Undefined raises. */
    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof CharSequence s) return s.length() > 0;
        if (v instanceof java.util.Collection<?> c) return !c.isEmpty();
        if (v instanceof java.util.Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Undefined u) throw new TemplateException(u.message(), null);
        return true;
    }
}
