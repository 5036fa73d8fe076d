package dev.jplay.connection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.channel.AbstractChannel;
import net.schmizz.sshj.connection.channel.Window;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.Transport;

/**
 * Flow control of one session channel, in the safe order. sshj 0.40.0 grows a channel's receive window by sending
 * SSH_MSG_CHANNEL_WINDOW_ADJUST first and counting the new room afterwards ({@code ChannelInputStream.checkWindow});
 * on a fast link, with the reading thread descheduled in between (a busy controller), the server's next data can
 * arrive while the window still looks full: sshj fails with "Window consumed to below 0" and drops the whole
 * connection — the rare "Shared connection to HOST closed" of a task that streamed 10 MB to stderr. A keeper turns
 * sshj's own adjustment off for the channel and, after every read of its stdout or stderr, counts the room first
 * and then tells the server, never granting more than the bytes both streams no longer hold.
 */
final class WindowKeeper {
    private final Session chan;
    private final Window.Local window;
    private final Transport transport;
    private InputStream out;
    private InputStream err;

    private WindowKeeper(Session chan, Window.Local window, Transport transport) {
        this.chan = chan;
        this.window = window;
        this.transport = transport;
    }

    /** True when this sshj has the channel window field a keeper needs (a test fails on an sshj without it). */
    static boolean supported() {
        try {
            return windowField().getType() == Window.Local.class;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Field windowField() throws ReflectiveOperationException {
        Field f = AbstractChannel.class.getDeclaredField("lwin");
        f.setAccessible(true);
        return f;
    }

    /** A keeper for {@code s} (sshj's expansion off), or null where sshj's internals are not as expected. */
    static WindowKeeper of(Session s, Transport transport) {
        try {
            WindowKeeper k = new WindowKeeper(s, (Window.Local) windowField().get(s), transport);
            s.setAutoExpand(false);
            return k;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** {@code cmd}'s stdout through the keeper (sshj's own stream where there is none). */
    static InputStream stdout(WindowKeeper k, Session.Command cmd) {
        return k == null ? cmd.getInputStream() : k.out(cmd.getInputStream(), cmd.getErrorStream());
    }

    /** {@code cmd}'s stderr through the keeper (sshj's own stream where there is none). */
    static InputStream stderr(WindowKeeper k, Session.Command cmd) {
        if (k == null) return cmd.getErrorStream();
        k.out(cmd.getInputStream(), cmd.getErrorStream());
        return k.err;
    }

    private InputStream out(InputStream stdout, InputStream stderr) {
        if (out == null) {
            out = wrap(stdout);
            err = wrap(stderr);
        }
        return out;
    }

    private InputStream wrap(InputStream raw) {
        return new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                adjust();
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                adjust();
                return n;
            }
        };
    }

    private void adjust() throws IOException {
        synchronized (this) {
            long needed = window.neededAdjustment();
            if (needed <= 0) return;
            long grant = needed - out.available() - err.available();
            if (grant <= 0) return;
            window.expand(grant);
            transport.write(new SSHPacket(Message.CHANNEL_WINDOW_ADJUST).putUInt32FromInt(chan.getRecipient()).putUInt32(grant));
        }
    }
}
