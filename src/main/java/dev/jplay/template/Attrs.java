package dev.jplay.template;

/** Jinja2's attribute getter for filters ({@code map(attribute='a.b.0')}, {@code sort(attribute=...)}, {@code selectattr}). */
final class Attrs {
    private Attrs() {}

    /** Each dotted part is an item lookup (an integer part indexes a list); a missing one gives Undefined. */
    static Object get(Env env, Object item, String attribute) {
        Object r = item;
        for (String part : attribute.split("\\.")) {
            r = !part.isEmpty() && part.chars().allMatch(Character::isDigit) ? PyOps.getitem(r, Long.parseLong(part)) : PyOps.getitem(r, part);
        }
        return r;
    }
}
