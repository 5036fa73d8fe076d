package dev.jplay.modules.files;

import dev.jplay.modules.ModuleResult;

/**
 * What a path is on the host, from one {@link PathProbe}: its type (from {@code lstat}), permission bits, owner,
 * size, mtime, inode and link count, a symlink's target and followed type, and the sha1 of a regular file when asked for.
 */
record FileState(String path, Type type, int mode, long uid, long gid, String owner, String group, long size,
                 long mtime, long inode, long nlink, String linkTarget, Type followedType, String checksum) {

    /** File types as Ansible's file module names its states. */
    enum Type {
        ABSENT, FILE, DIRECTORY, LINK, OTHER;

        /** Ansible's state word: absent, file, directory, link. */
        String word() {
            return this == OTHER ? "file" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static FileState absent(String path) {
        return new FileState(path, Type.ABSENT, -1, -1, -1, null, null, 0, 0, 0, 0, null, Type.ABSENT, null);
    }

    boolean exists() {
        return type != Type.ABSENT;
    }

    boolean isDir() {
        return type == Type.DIRECTORY;
    }

    boolean isFile() {
        return type == Type.FILE;
    }

    boolean isLink() {
        return type == Type.LINK;
    }

    /** The type after following a symlink. */
    Type resolvedType() {
        return isLink() ? followedType : type;
    }

    /** Ansible's prev_state: absent, file, directory, link, or hard (a file with several links). */
    String stateWord() {
        return isFile() && nlink > 1 ? "hard" : type.word();
    }

    String modeString() {
        return mode < 0 ? null : Modes.octal(mode);
    }

    /** Adds the keys Ansible's {@code add_path_info} returns (uid, gid, owner, group, mode, state, size). */
    ModuleResult addPathInfo(ModuleResult r) {
        if (!exists()) return r.put("state", "absent");
        r.put("uid", uid).put("gid", gid).put("owner", owner).put("group", group).put("mode", modeString());
        r.put("state", isLink() ? "link" : isDir() ? "directory" : "file");
        if (isLink()) r.put("src", linkTarget);
        return r.put("size", size);
    }

    /** The same path with other attributes (what a change would leave, for check mode results). */
    FileState withAttrs(int newMode, String newOwner, String newGroup) {
        return new FileState(path, type, newMode, uid, gid, newOwner == null ? owner : newOwner,
                newGroup == null ? group : newGroup, size, mtime, inode, nlink, linkTarget, followedType, checksum);
    }
}
