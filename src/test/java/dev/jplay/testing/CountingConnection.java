package dev.jplay.testing;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.connection.ForwardingConnection;
import java.nio.file.Path;

/** Counts the round trips a module takes (commands and transfers, each one a round trip to the host): what PERFORMANCE lines state. */
public final class CountingConnection extends ForwardingConnection {
    private int trips;

    public CountingConnection(Connection inner) {
        super(inner);
    }

    /** The round trips so far. */
    public int trips() {
        return trips;
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        trips++;
        return inner.exec(req);
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        trips++;
        inner.put(data, path, attrs, become);
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        trips++;
        inner.put(localFile, path, attrs, become);
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        trips++;
        return inner.get(path, become);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        trips++;
        inner.get(path, localFile, become);
    }
}
