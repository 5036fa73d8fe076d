package dev.jplay.output;

/** Receives events one at a time, in order. The stdout callback and any enabled extra callbacks implement this. */
public interface Callback {
    void on(Event event);

    /** True when this callback shows long commands' output as it comes ({@link Event.Live}); the run then sends it. */
    default boolean wantsLiveOutput() {
        return false;
    }

    /** Called once after the last event. */
    default void close() {}
}
