package dev.jplay.output;

import java.util.List;

/** Fans events out to the callbacks of a run, serialised, so callbacks need no locking of their own. */
public final class Output implements Callback {
    private final List<Callback> callbacks;
    private volatile boolean silenced;

    public Output(List<Callback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    @Override
    public synchronized void on(Event event) {
        if (silenced) return;
        for (Callback c : callbacks) c.on(event);
    }

    @Override
    public boolean wantsLiveOutput() {
        return callbacks.stream().anyMatch(Callback::wantsLiveOutput);
    }

    /** Drops every later event (an interrupted run: what its killed commands report is noise). */
    public void silence() {
        silenced = true;
    }

    @Override
    public synchronized void close() {
        for (Callback c : callbacks) c.close();
    }
}
