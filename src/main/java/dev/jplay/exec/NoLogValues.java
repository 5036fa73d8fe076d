package dev.jplay.exec;

import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a task's module parameters that the module marks {@code no_log} (passwords, inline content), and
 * their removal from what the task shows and returns, as Ansible's AnsibleModule does: the parameter itself shows
 * as {@value #MASK_PARAM}, and every occurrence of such a value in the result (a message quoting a URL with its
 * password, stdout) as {@value #MASK}. The result is masked before it is registered, as Ansible's module output is.
 */
final class NoLogValues {
    static final String MASK = "********";
    static final String MASK_PARAM = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";

    /**
     * Parameters Ansible's action plugin takes away before its module runs (copy writes {@code content} to a file
     * and sends that), so its module never sees them and its result (diff included) is not masked.
     */
    private static final Map<String, Set<String>> TAKEN_BY_ACTION = Map.of("copy", Set.of("content"));

    /**
     * Parameters that Ansible does not mark no_log but that hold secrets jplay never shows: expect's answers (often
     * passwords) are masked where the arguments are shown ({@code -vvv}) and are not masked in the result (an
     * answer such as {@code y} would mask every y of stdout); they travel on stdin only, never in a command line.
     */
    private static final Map<String, Set<String>> SHOWN_MASKED = Map.of("expect", Set.of("responses"));

    private final Set<String> names = new LinkedHashSet<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> inResults = new ArrayList<>();

    private NoLogValues() {}

    static NoLogValues of(ModuleSpec spec, ModuleArgs args) {
        NoLogValues v = new NoLogValues();
        Set<String> taken = TAKEN_BY_ACTION.getOrDefault(spec.name(), Set.of());
        for (Param p : spec.params()) {
            if (SHOWN_MASKED.getOrDefault(spec.name(), Set.of()).contains(p.name())) v.names.add(p.name());
            if (!p.noLog() || args.get(p.name()) == null) continue;
            v.names.add(p.name());
            collect(args.get(p.name()), v.values);
            if (!taken.contains(p.name())) collect(args.get(p.name()), v.inResults);
        }
        // the longest first: a value that contains another is masked whole
        v.values.sort((a, b) -> b.length() - a.length());
        v.inResults.sort((a, b) -> b.length() - a.length());
        return v;
    }

    private static void collect(Object o, List<String> into) {
        if (o instanceof Map<?, ?> m) m.values().forEach(x -> collect(x, into));
        else if (o instanceof List<?> l) l.forEach(x -> collect(x, into));
        else if (o instanceof String s && !s.isEmpty() && !into.contains(s)) into.add(s);
    }

    /** The arguments as shown: no_log parameters replaced by {@value #MASK_PARAM}. */
    Map<String, Object> shown(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, x) -> out.put(k, names.contains(k) ? MASK_PARAM : x));
        return out;
    }

    /** {@code text} (a command jplay shows) with every no_log value masked. */
    String scrub(String text) {
        return scrub(text, values);
    }

    private static String scrub(String text, List<String> secrets) {
        if (text == null) return null;
        for (String s : secrets) text = text.replace(s, MASK);
        return text;
    }

    /** {@code result} with every no_log value in its strings masked (the same map when there is none). */
    Map<String, Object> scrubbed(Map<String, Object> result) {
        return inResults.isEmpty() ? result : scrubbed(result, inResults);
    }

    @SuppressWarnings("unchecked")
    private static <T> T scrubbed(T o, List<String> secrets) {
        if (o instanceof String s) return (T) scrub(s, secrets);
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, scrubbed(x, secrets)));
            return (T) out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(scrubbed(x, secrets));
            return (T) out;
        }
        return o;
    }
}
