package dev.jplay.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as Python's {@code shlex.split} does (POSIX mode), which Ansible uses for
 * command arguments, {@code ansible_ssh_*_args} and the editor: quotes, backslashes (inside double quotes a
 * backslash escapes only {@code "} and a backslash). Unfinished input throws IllegalArgumentException with shlex's
 * message.
 */
public final class ShellWords {
    private ShellWords() {}

    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else cur.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c != '\\') cur.append(c);
                else if (i + 1 == s.length()) throw new IllegalArgumentException("No escaped character");
                else if (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\') cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') quote = c;
                else if (c != '\\') cur.append(c);
                else if (i + 1 < s.length()) cur.append(s.charAt(++i));
                else throw new IllegalArgumentException("No escaped character");
            }
        }
        if (quote != 0) throw new IllegalArgumentException("No closing quotation");
        if (inWord) out.add(cur.toString());
        return out;
    }
}
