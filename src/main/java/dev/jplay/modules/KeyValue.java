package dev.jplay.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code k=v} argument syntax ({@code copy: src=a dest="/tmp/my file"}): splits on unquoted spaces
 * (quotes and {@code {{ }} / {% %}} blocks keep spaces together) and separates free-form words.
 */
public final class KeyValue {
    private KeyValue() {}

    /** Parsed {@code k=v} pairs and the remaining free-form text (its newlines and spacing as written). */
    public record Parsed(Map<String, Object> pairs, String freeForm) {}

    /** A word of the line and where it stands ({@code [start, end)}). */
    private record Word(String text, int start, int end) {}

    /**
     * Parses a free-form module line. With {@code freeFormAllowed}, words that are not {@code k=v} form the free text
     * (for {@code command}, {@code shell}); {@code k=v} pairs whose key is not a known parameter name also stay
     * in the free text (as in {@code shell: echo a=b}). Without it every word must be {@code k=v}. As in Ansible, the
     * free text keeps the line's own newlines and spaces (a multi-line {@code shell: |} script stays one), and where
     * a pair was taken out its neighbours are joined with one space.
     */
    public static Parsed parse(String line, boolean freeFormAllowed, java.util.Set<String> knownKeys) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        StringBuilder free = new StringBuilder();
        Word last = null;
        boolean removed = false;
        for (Word word : words(line)) {
            String w = word.text();
            int eq = keyEnd(w);
            if (eq > 0 && (!freeFormAllowed || knownKeys.contains(w.substring(0, eq)))) {
                pairs.put(w.substring(0, eq), unquote(w.substring(eq + 1)));
                removed = true;
            } else if (freeFormAllowed) {
                if (last != null) free.append(removed ? " " : line.substring(last.end(), word.start()));
                free.append(w);
                last = word;
                removed = false;
            } else {
                throw new IllegalArgumentException("this module takes key=value arguments, but '" + w + "' is not one");
            }
        }
        if (last != null && !removed) free.append(line.substring(last.end()));
        return new Parsed(pairs, free.length() == 0 ? null : free.toString());
    }

    /** The index of '=' when the word starts with an identifier followed by '=', else -1. */
    private static int keyEnd(String w) {
        int i = 0;
        while (i < w.length() && (Character.isLetterOrDigit(w.charAt(i)) || w.charAt(i) == '_')) i++;
        return i > 0 && i < w.length() && w.charAt(i) == '=' ? i : -1;
    }

    /** Splits on unquoted whitespace, keeping quotes and template blocks in the words. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (Word w : words(s)) out.add(w.text());
        return out;
    }

    private static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth == 0 && quote == 0 && Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(new Word(cur.toString(), start, i));
                    cur.setLength(0);
                }
                continue;
            }
            if (cur.length() == 0) start = i;
            cur.append(c);
            if (c == '\\' && i + 1 < s.length() && quote != 0) {
                cur.append(s.charAt(++i));
                continue;
            }
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if ((c == '{' || c == '}') && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (c == '{' && (n == '{' || n == '%' || n == '#')) {
                    depth++;
                    cur.append(n);
                    i++;
                    continue;
                }
            }
            if ((c == '}' || c == '%' || c == '#') && depth > 0 && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                depth--;
                cur.append('}');
                i++;
                continue;
            }
            if (depth == 0 && (c == '"' || c == '\'')) quote = c;
        }
        if (cur.length() > 0) out.add(new Word(cur.toString(), start, s.length()));
        return out;
    }

    /** Removes one level of matching outer quotes and their escapes ({@code "a b"} becomes {@code a b}). */
    public static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            String inner = v.substring(1, v.length() - 1);
            return inner.replace("\\" + v.charAt(0), String.valueOf(v.charAt(0)));
        }
        return v;
    }
}
