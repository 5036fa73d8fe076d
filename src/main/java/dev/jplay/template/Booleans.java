package dev.jplay.template;

import java.util.Locale;
import java.util.Set;

/** Ansible's {@code boolean()} conversion (module_utils.parsing.convert_bool) for tests that take convert_bool. */
final class Booleans {
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t", "1.0");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f", "0.0");

    private Booleans() {}

    /** The boolean the value stands for, or null when it is not boolean-like (then Python truthiness applies). */
    static Boolean ansible(Object v) {
        if (v instanceof Boolean b) return b;
        String s = v instanceof CharSequence cs ? cs.toString().strip().toLowerCase(Locale.ROOT) : PyOps.isNumber(v) ? dev.jplay.data.Py.str(v) : null;
        if (s == null) return null;
        if (TRUE.contains(s)) return true;
        if (FALSE.contains(s)) return false;
        return null;
    }
}
