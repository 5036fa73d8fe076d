package dev.jplay.connection;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * The persistent shells of one SSH connection: per become (none, or each sudo user/flags/password) a few
 * {@link ShellSession}s, at most {@value #MAX} in all, each holding one of the connection's channels. A command
 * takes an idle shell of its kind or starts one; when none can be had (all busy, the channel limit reached, a
 * become method other than sudo) it returns null and the caller uses a channel of its own. A host whose shell
 * lacks what the loop needs turns the pool off for the rest of the run.
 */
final class ShellPool implements AutoCloseable {
    static final int MAX = 4;
    private static final Object LOGIN = new Object();
    private final SSHClient client;
    private final Semaphore channels;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Map<Object, Deque<ShellSession>> idle = new HashMap<>();
    private final Set<ShellSession> busy = new HashSet<>();
    private int open;
    private boolean off;

    ShellPool(SSHClient client, Semaphore channels, Executor pool, ScheduledExecutorService timer) {
        this.client = client;
        this.channels = channels;
        this.pool = pool;
        this.timer = timer;
    }

    /**
     * A shell for {@code become} (null: the login user), marked busy; null when the command must take the
     * per-command path. Throws BECOME when sudo refused the password (as the per-command path would).
     */
    ShellSession acquire(Become become) throws ConnectionException {
        if (become != null && !become.method().equals("sudo")) return null;
        Object key = become == null ? LOGIN : become;
        synchronized (this) {
            if (off) return null;
            Deque<ShellSession> q = idle.get(key);
            while (q != null && !q.isEmpty()) {
                ShellSession s = q.pollFirst();
                if (s.usable()) {
                    busy.add(s);
                    return s;
                }
                discard(s);
            }
            if (open >= MAX && !evictOther(key)) return null;
            if (!channels.tryAcquire()) return null;
            open++;
        }
        ShellSession s = null;
        Session ch = null;
        try {
            ch = SshConnection.session(client);
            s = ShellSession.start(ch, client.getTransport(), become, pool, timer);
            synchronized (this) {
                if (!off) {
                    busy.add(s);
                    return s;
                }
            }
            s.close();
            forget();
            return null;
        } catch (ShellSession.Unsupported e) {
            synchronized (this) {
                off = true;
            }
            forget();
            return null;
        } catch (ConnectionException e) {
            forget();
            throw e;
        } catch (IOException e) {
            if (ch != null) closeQuietly(ch);
            forget();
            return null;
        }
    }

    /** Gives a shell back: idle again when still usable, else closed. */
    void release(ShellSession s) {
        s.clearCancel();
        synchronized (this) {
            busy.remove(s);
            if (s.usable() && !off) {
                idle.computeIfAbsent(s.become() == null ? LOGIN : s.become(), k -> new ArrayDeque<>()).addFirst(s);
                return;
            }
            discard(s);
        }
    }

    /**
     * Kills the command running in every busy shell, or refuses the one about to start in it (the shells stay
     * usable).
     */
    void killRunning() {
        List<ShellSession> now;
        synchronized (this) {
            now = new ArrayList<>(busy);
        }
        now.forEach(ShellSession::cancel);
    }

    /** Closes an idle shell of another kind to make room; false when every shell is busy or of this kind. */
    private boolean evictOther(Object key) {
        for (var e : idle.entrySet()) {
            if (e.getKey().equals(key) || e.getValue().isEmpty()) continue;
            discard(e.getValue().pollLast());
            return true;
        }
        return false;
    }

    private void discard(ShellSession s) {
        s.close();
        open--;
        channels.release();
    }

    private synchronized void forget() {
        open--;
        channels.release();
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the channel is gone already
        }
    }

    @Override
    public synchronized void close() {
        off = true;
        idle.values().forEach(q -> q.forEach(ShellSession::close));
        idle.clear();
        busy.forEach(ShellSession::close);
    }
}
