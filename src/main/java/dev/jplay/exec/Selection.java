package dev.jplay.exec;

import java.util.Set;

/**
 * Which hosts and tasks a run takes: {@code -l}, {@code -t}, {@code --skip-tags}, {@code --start-at-task},
 * {@code --step}.
 *
 * @param tags        empty means {@code all}
 * @param limit       a host pattern, or null for every host a play targets
 * @param startAtTask the name (or pattern) of the first task to run, or null
 */
public record Selection(Set<String> tags, Set<String> skipTags, String limit, String startAtTask, boolean step) {
    /** Every host and task, no step prompts. */
    public static final Selection ALL = new Selection(Set.of(), Set.of(), null, null, false);

    public Selection {
        tags = tags == null || tags.isEmpty() ? Set.of("all") : Set.copyOf(tags);
        skipTags = skipTags == null ? Set.of() : Set.copyOf(skipTags);
    }

    public Selection withLimit(String pattern) {
        return new Selection(tags, skipTags, pattern, startAtTask, step);
    }

    public Selection withTags(Set<String> only, Set<String> skip) {
        return new Selection(only, skip, limit, startAtTask, step);
    }
}
