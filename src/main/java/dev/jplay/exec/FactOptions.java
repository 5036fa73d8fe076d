package dev.jplay.exec;

import java.util.List;

/**
 * Fact gathering and caching: ansible.cfg's {@code gathering}, {@code gather_subset}, {@code fact_caching*}, and
 * {@code --flush-cache}.
 *
 * @param gathering {@code implicit}, {@code explicit} or {@code smart}
 */
public record FactOptions(String gathering, List<String> gatherSubset, FactCache cache, boolean flushCache) {
    /** Implicit gathering of every subset, facts kept in memory for the run. */
    public static final FactOptions DEFAULT = new FactOptions("implicit", List.of("all"), FactCache.MEMORY, false);

    public FactOptions {
        gathering = gathering == null ? "implicit" : gathering;
        gatherSubset = gatherSubset == null ? List.of("all") : List.copyOf(gatherSubset);
        cache = cache == null ? FactCache.MEMORY : cache;
    }

    public FactOptions withCache(FactCache c) {
        return new FactOptions(gathering, gatherSubset, c, flushCache);
    }
}
