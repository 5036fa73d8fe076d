package dev.jplay.connection;

/**
 * Ownership and permissions to apply to a written file: {@code mode} is an octal string like {@code "0644"}
 * (null keeps the default from umask, or the replaced file's mode), owner and group are names or null.
 */
public record FileAttrs(String mode, String owner, String group) {
    public static final FileAttrs NONE = new FileAttrs(null, null, null);
}
