package dev.jplay.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Did you mean ...?": the known names closest to a misspelled one (edit distance, then shared letters). */
public final class Suggest {
    private Suggest() {}

    /** Up to {@code max} candidates within a small edit distance of {@code word}, best first. */
    public static List<String> ranked(String word, Collection<String> candidates, int max) {
        int limit = Math.max(2, word.length() / 3);
        Comparator<String> best = Comparator.comparingInt((String c) -> distance(word, c))
                .thenComparing(c -> -shared(word, c))
                .thenComparing(c -> c);
        return candidates.stream().distinct().filter(c -> distance(word, c) <= limit).sorted(best).limit(max).toList();
    }

    public static Optional<String> closest(String word, Collection<String> candidates) {
        return ranked(word, candidates, 1).stream().findFirst();
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** How many letters the two words share (as multisets). */
    private static int shared(String a, String b) {
        int[] counts = new int[128];
        for (char c : a.toCharArray()) if (c < 128) counts[c]++;
        int n = 0;
        for (char c : b.toCharArray()) {
            if (c < 128 && counts[c] > 0) {
                counts[c]--;
                n++;
            }
        }
        return n;
    }
}
