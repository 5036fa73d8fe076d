package dev.jplay.connection;

import static dev.jplay.connection.ShellCommand.quote;

/**
 * File writes done with a shell command on the host, used when a write needs become (the login user cannot write
 * the target directory): the data goes to the command's stdin, lands in a temporary file beside the target, gets
 * its attributes, and is renamed over the target, so readers never see a half-written file.
 */
public final class ShellTransfer {
    private ShellTransfer() {}

    /**
     * The shell script that atomically writes stdin, {@code size} bytes, to {@code path}. Fewer bytes (the
     * connection was cut while they were sent, and {@code cat} saw the end of its input early) leave the target as
     * it was and no temporary file.
     */
    public static String atomicWriteScript(String path, FileAttrs attrs, long size) {
        String dir = parent(path);
        String base = path.substring(path.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("umask 077; t=$(mktemp ").append(quote(dir + "/." + base + ".jplay-XXXXXX")).append(") || exit 1; ");
        sb.append("cat > \"$t\" || { rm -f \"$t\"; exit 1; }; ");
        sb.append("[ \"$(wc -c < \"$t\")\" -eq ").append(size).append(" ] || { rm -f \"$t\"; echo 'incomplete transfer' >&2; exit 1; }; ");
        sb.append(attrCommands("\"$t\"", path, attrs));
        sb.append("mv -f \"$t\" ").append(quote(path)).append(" || { rm -f \"$t\"; exit 1; }");
        return sb.toString();
    }

    /** Writes {@code data} to {@code path} on {@code c} with a shell command (used with become). */
    static void write(Connection c, byte[] data, String path, FileAttrs attrs, Become become) throws ConnectionException {
        ExecResult r = c.exec(new ExecRequest(atomicWriteScript(path, attrs, data.length), data, null, null, become, null, null));
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot write " + path + ": " + r.err().strip());
    }

    /** Reads {@code path} on {@code c} with {@code cat} (used with become). */
    static byte[] read(Connection c, String path, Become become) throws ConnectionException {
        ExecResult r = c.exec(ExecRequest.of("cat " + quote(path)).withBecome(become));
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read " + path + ": " + r.err().strip());
        return r.stdout();
    }

    /**
     * chmod/chown commands for a temp file: the requested mode, else the mode of the file it replaces, else 0644
     * (what a fresh file gets under the usual umask 022).
     */
    static String attrCommands(String tmp, String path, FileAttrs attrs) {
        StringBuilder sb = new StringBuilder();
        if (attrs.mode() != null) {
            sb.append("chmod ").append(quote(attrs.mode())).append(' ').append(tmp).append(" && ");
        } else {
            sb.append("{ if [ -e ").append(quote(path)).append(" ]; then chmod \"$(stat -c %a ").append(quote(path))
              .append(")\" ").append(tmp).append("; else chmod 0644 ").append(tmp).append("; fi; } && ");
        }
        if (attrs.owner() != null || attrs.group() != null) {
            String who = (attrs.owner() == null ? "" : attrs.owner()) + (attrs.group() == null ? "" : ":" + attrs.group());
            sb.append("chown ").append(quote(who)).append(' ').append(tmp).append(" && ");
        } else {
            sb.append("{ [ ! -e ").append(quote(path)).append(" ] || chown \"$(stat -c %u:%g ").append(quote(path))
              .append(")\" ").append(tmp).append(" 2>/dev/null || true; } && ");
        }
        sb.setLength(sb.length() - 4);
        return "{ " + sb + "; } || { rm -f " + tmp + "; exit 1; }; ";
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        if (i < 0) return ".";
        return i == 0 ? "/" : path.substring(0, i);
    }
}
