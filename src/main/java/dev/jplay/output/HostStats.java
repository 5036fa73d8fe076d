package dev.jplay.output;

/** One host's counters for {@code PLAY RECAP}. */
public record HostStats(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
    public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0, 0, 0);

    public HostStats plus(HostStats o) {
        return new HostStats(ok + o.ok, changed + o.changed, unreachable + o.unreachable, failed + o.failed,
                skipped + o.skipped, rescued + o.rescued, ignored + o.ignored);
    }
}
