package dev.jplay.exec;

/**
 * How a run reports and whether it changes hosts: {@code -C/--check}, {@code -D/--diff}, {@code -v} (counted).
 * Tasks' {@code check_mode} and {@code diff} keywords override the first two.
 */
public record Mode(boolean check, boolean diff, int verbosity) {
    /** Changes applied, no diffs, not verbose. */
    public static final Mode NORMAL = new Mode(false, false, 0);
}
