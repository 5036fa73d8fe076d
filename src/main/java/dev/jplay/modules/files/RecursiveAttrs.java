package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

/**
 * {@code file recurse=yes}: compares every entry below a directory (listed by {@code find -printf '%y %m %u %g %U %G'})
 * with the wanted attributes, and the {@code chmod -R}/{@code chown -R} commands that apply them.
 */
final class RecursiveAttrs {
    private RecursiveAttrs() {}

    /** True when some entry of the listing has another mode, owner or group than asked. */
    static boolean differs(String listing, Attrs attrs) {
        for (String line : listing.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 6) continue;
            boolean dir = f[0].equals("d");
            int mode = Integer.parseInt(f[1], 8);
            if (Modes.given(attrs.mode()) && Modes.resolve(attrs.mode(), mode, dir) != mode) return true;
            if (attrs.owner() != null && !attrs.owner().equals(f[4]) && !attrs.owner().equals(f[2])) return true;
            if (attrs.group() != null && !attrs.group().equals(f[5]) && !attrs.group().equals(f[3])) return true;
        }
        return false;
    }

    static String commands(String path, Attrs attrs) {
        return commandsFor(quote(path), attrs);
    }

    /** The same for a path given as a shell word (quoted or a variable expansion). */
    static String commandsFor(String q, Attrs attrs) {
        StringBuilder sb = new StringBuilder();
        if (attrs.owner() != null) sb.append("chown -R -h ").append(quote(attrs.owner())).append(" -- ").append(q).append(" && ");
        if (attrs.group() != null) sb.append("chgrp -R -h ").append(quote(attrs.group())).append(" -- ").append(q).append(" && ");
        if (Modes.given(attrs.mode())) {
            String m = attrs.mode() instanceof Number n ? Modes.octal(n.intValue()) : attrs.mode().toString();
            sb.append("chmod -R ").append(quote(m)).append(" -- ").append(q).append(" && ");
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 4);
    }
}
