package dev.jplay.modules.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File modes as Ansible accepts them: an integer (YAML {@code 0644} is already the octal value), an octal string
 * ({@code "0644"}, {@code "644"}) or a symbolic mode ({@code u+rw,g-w,o=rX}) resolved against the current mode
 * the way Ansible's {@code _symbolic_mode_to_octal} does (an empty "who" is "a" filtered by the umask 022).
 */
final class Modes {
    private static final int UMASK = 0022;
    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)((?:[-+=][rwxXstugo]*)+)");
    private static final Pattern OP = Pattern.compile("([-+=])([rwxXstugo]*)");

    private Modes() {}

    /** The permission bits of {@code mode} ({@code '0644'} style), as Ansible prints them. */
    static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    /** True when the argument is given (not null, not "preserve"). */
    static boolean given(Object arg) {
        return arg != null && !"preserve".equals(arg.toString());
    }

    /**
     * The mode {@code arg} asks for, given the path's current permission bits ({@code current}, -1 when absent)
     * and whether it is a directory. Throws {@link IllegalArgumentException} with Ansible's message when invalid.
     */
    static int resolve(Object arg, int current, boolean dir) {
        if (arg instanceof Number n) return check(n.intValue());
        String s = arg.toString().strip();
        if (s.matches("[0-7]+")) return check(Integer.parseInt(s, 8));
        int mode = Math.max(current, 0);
        for (String clause : s.split(",", -1)) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) throw new IllegalArgumentException("mode must be in octal or symbolic form");
            String who = m.group(1);
            boolean umask = who.isEmpty();
            if (who.isEmpty() || who.contains("a")) who = "ugo";
            Matcher op = OP.matcher(m.group(2));
            while (op.find()) {
                for (char u : who.toCharArray()) {
                    mode = apply(u, op.group(1).charAt(0), bits(u, op.group(2), mode, dir, umask), mode);
                }
            }
        }
        return mode;
    }

    private static int check(int mode) {
        if ((mode & ~07777) != 0) throw new IllegalArgumentException("Invalid mode supplied, only permission info is allowed");
        return mode;
    }

    private static int apply(char who, char op, int bits, int mode) {
        return switch (op) {
            case '=' -> (mode & ~(who == 'u' ? 04700 : who == 'g' ? 02070 : 01007)) | bits;
            case '+' -> mode | bits;
            default -> mode & ~bits;
        };
    }

    private static int bits(char who, String perms, int mode, boolean dir, boolean useUmask) {
        int shift = who == 'u' ? 6 : who == 'g' ? 3 : 0;
        int keep = useUmask ? ~UMASK : ~0;
        int out = 0;
        for (char p : perms.toCharArray()) {
            out |= switch (p) {
                case 'r' -> (4 << shift) & keep;
                case 'w' -> (2 << shift) & keep;
                case 'x' -> (1 << shift) & keep;
                case 'X' -> dir || (mode & 0111) != 0 ? 1 << shift : 0;
                case 's' -> who == 'u' ? 04000 : who == 'g' ? 02000 : 0;
                case 't' -> who == 'o' ? 01000 : 0;
                case 'u' -> ((mode >> 6) & 7) << shift;
                case 'g' -> ((mode >> 3) & 7) << shift;
                default -> (mode & 7) << shift;
            };
        }
        return out;
    }
}
