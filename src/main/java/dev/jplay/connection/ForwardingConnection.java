package dev.jplay.connection;

import java.nio.file.Path;

/** A connection that passes everything to another one; subclasses override what they watch or change. */
public abstract class ForwardingConnection implements Connection {
    protected final Connection inner;

    protected ForwardingConnection(Connection inner) {
        this.inner = inner;
    }

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public boolean isLocal() {
        return inner.isLocal();
    }

    @Override
    public boolean alive() {
        return inner.alive();
    }

    @Override
    public ExecResult exec(ExecRequest req) throws ConnectionException {
        return inner.exec(req);
    }

    @Override
    public void cancelRunning() {
        inner.cancelRunning();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void put(byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        inner.put(data, path, attrs, become);
    }

    @Override
    public void put(Path localFile, String path, FileAttrs attrs, Become become) throws ConnectionException {
        inner.put(localFile, path, attrs, become);
    }

    @Override
    public byte[] get(String path, Become become) throws ConnectionException {
        return inner.get(path, become);
    }

    @Override
    public void get(String path, Path localFile, Become become) throws ConnectionException {
        inner.get(path, localFile, become);
    }

    @Override
    public void close() {
        inner.close();
    }
}
