package dev.jplay.inventory;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Ansible's {@code TRANSFORM_INVALID_GROUP_CHARS} for group names that are no valid variable name ({@code local-},
 * {@code 1st}): {@code never} (the default) keeps them with a warning, {@code always} replaces each invalid
 * character with {@code _} with a warning, {@code ignore} and {@code silently} do the same without one. Details
 * (which characters, which group) are notes at -vvvv.
 */
final class GroupNames {
    private static final Pattern INVALID = Pattern.compile("^[\\d\\W]|\\W", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> MODES = Set.of("always", "never", "ignore", "silently");

    private final String mode;
    private final Consumer<String> warn;
    private final BiConsumer<Integer, String> verbose;

    /** Names kept as they are, nothing reported (a trial parse). */
    static final GroupNames QUIET = new GroupNames("ignore", w -> { }, (l, m) -> { });

    GroupNames(String mode, Consumer<String> warn, BiConsumer<Integer, String> verbose) {
        String m = mode == null ? "never" : mode.strip().toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw new SourceException("Invalid value \"" + mode + "\" for configuration option \"setting: TRANSFORM_INVALID_GROUP_CHARS\", "
                    + "valid values are: always, never, ignore, silently", Loc.of("TRANSFORM_INVALID_GROUP_CHARS"));
        }
        this.mode = m;
        this.warn = warn;
        this.verbose = verbose;
    }

    /** The name a group gets, reporting an invalid one as the mode says. */
    String safe(String name) {
        if (name.isEmpty()) return name;
        Matcher m = INVALID.matcher(name);
        Set<String> found = new LinkedHashSet<>();
        while (m.find()) found.add(m.group());
        if (found.isEmpty()) return name;
        String what = "invalid character(s) \"" + found.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "{", "}"))
                + "\" in group name (" + name + ")";
        if (mode.equals("always") || mode.equals("silently")) {
            if (mode.equals("always")) {
                verbose.accept(4, "Replacing " + what);
                warn.accept("Invalid characters were found in group names and automatically replaced, use -vvvv to see details");
            }
            return INVALID.matcher(name).replaceAll("_");
        }
        if (mode.equals("never")) {
            verbose.accept(4, "Not replacing " + what);
            warn.accept("Invalid characters were found in group names but not replaced, use -vvvv to see details");
        }
        return name;
    }

    /** The name an inventory plugin gives a group it makes: each invalid character replaced with _, whatever the mode, silently. */
    static String forced(String name) {
        return INVALID.matcher(name).replaceAll("_");
    }
}
