package dev.jplay.output;

/** Receives events one at a time, in order. The stdout callback and any enabled extra callbacks implement this. */
public interface Callback {
    void on(Event event);

    /** Called once after the last event. */
    default void close() {}
}
