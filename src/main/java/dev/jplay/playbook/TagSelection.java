package dev.jplay.playbook;

import java.util.Collections;
import java.util.Set;

/** Ansible's tag selection ({@code -t}, {@code --skip-tags}, the special tags always, never, tagged, untagged, all). */
public record TagSelection(Set<String> only, Set<String> skip) {
    public boolean shouldRun(Set<String> tags) {
        boolean run;
        if (tags.contains("always")) run = true;
        else if (only.contains("all") && !tags.contains("never")) run = true;
        else if (!Collections.disjoint(tags, only)) run = true;
        else if (only.contains("tagged") && !tags.isEmpty() && !tags.contains("never")) run = true;
        else run = only.contains("untagged") && tags.isEmpty();
        if (!run || skip.isEmpty()) return run;
        if (skip.contains("all")) return tags.contains("always") && !skip.contains("always");
        if (!Collections.disjoint(tags, skip)) return false;
        if (skip.contains("tagged") && !tags.isEmpty()) return false;
        return !(skip.contains("untagged") && tags.isEmpty());
    }
}
