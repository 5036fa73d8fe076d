package dev.jplay.modules.files;

/** Path helpers for host paths (always POSIX, whatever the controller is). */
final class ShellDirs {
    private ShellDirs() {}

    /** The directory part of {@code path} ("." for a bare name, "/" for a top-level entry). */
    static String parent(String path) {
        String p = trimSlash(path);
        int i = p.lastIndexOf('/');
        if (i < 0) return ".";
        return i == 0 ? "/" : p.substring(0, i);
    }

    /** The last element of {@code path}, ignoring a trailing slash. */
    static String base(String path) {
        String p = trimSlash(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String trimSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    /** {@code dir/name} without doubling the slash. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
