package dev.jplay.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alignment of two lists of lines as Python difflib's {@code SequenceMatcher(None, a, b)} makes it: the
 * longest matching block of the region first (earliest in {@code a}, then in {@code b}), then the same on each
 * side of it; lines of {@code b} that occur more than {@code len(b)/100 + 1} times in a {@code b} of 200 lines or
 * more are no anchors ("autojunk"). Memory is linear; the work is capped by {@link #BUDGET} line comparisons,
 * after which every region still open is one replacement. Not thread-safe (one per diff).
 */
final class LineMatcher {
    /** Line comparisons before the matcher stops looking for anchors (a few hundred ms of work at most). */
    static final long BUDGET = 50_000_000L;

    enum Tag { EQUAL, REPLACE, DELETE, INSERT }

    /** difflib's opcode: {@code a[i1:i2]} becomes {@code b[j1:j2]}. */
    record Opcode(Tag tag, int i1, int i2, int j1, int j2) {}

    private record Block(int i, int j, int size) {}

    private final List<String> a;
    private final List<String> b;
    private final Map<String, int[]> b2j = new HashMap<>();
    private long work;

    LineMatcher(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
        Map<String, List<Integer>> where = new HashMap<>();
        for (int j = 0; j < b.size(); j++) where.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
        int popular = b.size() >= 200 ? b.size() / 100 + 1 : Integer.MAX_VALUE;
        where.forEach((line, js) -> {
            if (js.size() <= popular) b2j.put(line, js.stream().mapToInt(Integer::intValue).toArray());
        });
    }

    /** difflib's get_opcodes. */
    List<Opcode> opcodes() {
        List<Opcode> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Block m : matchingBlocks()) {
            Tag tag = i < m.i() && j < m.j() ? Tag.REPLACE : i < m.i() ? Tag.DELETE : j < m.j() ? Tag.INSERT : null;
            if (tag != null) out.add(new Opcode(tag, i, m.i(), j, m.j()));
            i = m.i() + m.size();
            j = m.j() + m.size();
            if (m.size() > 0) out.add(new Opcode(Tag.EQUAL, m.i(), i, m.j(), j));
        }
        return out;
    }

    /** difflib's get_matching_blocks: sorted, adjacent blocks joined, ending with the sentinel (len a, len b, 0). */
    private List<Block> matchingBlocks() {
        List<Block> found = new ArrayList<>();
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.size(), 0, b.size()});
        while (!queue.isEmpty()) {
            int[] r = queue.pop();
            Block x = longestMatch(r[0], r[1], r[2], r[3]);
            if (x.size() == 0) continue;
            found.add(x);
            if (r[0] < x.i() && r[2] < x.j()) queue.push(new int[] {r[0], x.i(), r[2], x.j()});
            if (x.i() + x.size() < r[1] && x.j() + x.size() < r[3]) queue.push(new int[] {x.i() + x.size(), r[1], x.j() + x.size(), r[3]});
        }
        found.sort(Comparator.comparingInt(Block::i).thenComparingInt(Block::j));
        List<Block> joined = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Block m : found) {
            if (i1 + k1 == m.i() && j1 + k1 == m.j()) {
                k1 += m.size();
                continue;
            }
            if (k1 > 0) joined.add(new Block(i1, j1, k1));
            i1 = m.i();
            j1 = m.j();
            k1 = m.size();
        }
        if (k1 > 0) joined.add(new Block(i1, j1, k1));
        joined.add(new Block(a.size(), b.size(), 0));
        return joined;
    }

    /** difflib's find_longest_match without junk: the longest a[i:i+k] == b[j:j+k] in the region, earliest first. */
    private Block longestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int best = 0;
        Map<Integer, Integer> runs = new HashMap<>();
        for (int i = alo; i < ahi && work < BUDGET; i++) {
            Map<Integer, Integer> next = new HashMap<>();
            int[] js = b2j.get(a.get(i));
            if (js != null) {
                for (int j : js) {
                    work++;
                    if (j < blo) continue;
                    if (j >= bhi) break;
                    int k = runs.getOrDefault(j - 1, 0) + 1;
                    next.put(j, k);
                    if (k > best) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        best = k;
                    }
                }
            }
            runs = next;
        }
        // popular lines are no anchors but still extend a match on either side, as in difflib
        while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
            besti--;
            bestj--;
            best++;
        }
        while (besti + best < ahi && bestj + best < bhi && a.get(besti + best).equals(b.get(bestj + best))) best++;
        return new Block(besti, bestj, best);
    }
}
