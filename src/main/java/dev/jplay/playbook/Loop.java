package dev.jplay.playbook;

/**
 * A task's loop: {@code with} is null for {@code loop:} and the lookup name for {@code with_<lookup>:}
 * ({@code items}, {@code dict}, {@code nested}, ...); {@code items} is the raw value; {@code control} the
 * {@code loop_control} settings (raw values, templated per host).
 */
public record Loop(String with, Object items, Control control) {
    /** {@code loop_control}. */
    public record Control(Object loopVar, Object indexVar, Object label, Object pause, Object extended, Object extendedAllitems) {
        public static final Control DEFAULT = new Control(null, null, null, null, null, null);
    }
}
