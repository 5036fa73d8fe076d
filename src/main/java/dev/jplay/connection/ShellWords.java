package dev.jplay.connection;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words like Python's {@code shlex.split} (POSIX mode): quotes, backslashes. */
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
                else if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) cur.append(s.charAt(++i));
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
                else if (c == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else cur.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("No closing quotation");
        if (inWord) out.add(cur.toString());
        return out;
    }
}
