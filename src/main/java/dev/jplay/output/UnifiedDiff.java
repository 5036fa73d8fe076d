package dev.jplay.output;

import java.util.ArrayList;
import java.util.List;

/** Python difflib's unified_diff output (3 lines of context), from an LCS alignment of lines. */
final class UnifiedDiff {
    private UnifiedDiff() {}

    private record Op(char kind, String line) {}

    /** The diff lines (each ending with a newline), or an empty list when equal. */
    static List<String> diff(List<String> a, List<String> b, String fromFile, String toFile, int context) {
        List<Op> ops = align(a, b);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = ops.size();
        int aLine = 0;
        int bLine = 0;
        int[] aAt = new int[n + 1];
        int[] bAt = new int[n + 1];
        for (int k = 0; k < n; k++) {
            aAt[k] = aLine;
            bAt[k] = bLine;
            if (ops.get(k).kind() != '+') aLine++;
            if (ops.get(k).kind() != '-') bLine++;
        }
        aAt[n] = aLine;
        bAt[n] = bLine;
        boolean header = false;
        while (i < n) {
            while (i < n && ops.get(i).kind() == ' ') i++;
            if (i >= n) break;
            int start = Math.max(0, i - context);
            int end = i;
            while (true) {
                while (end < n && ops.get(end).kind() != ' ') end++;
                int next = end;
                while (next < n && ops.get(next).kind() == ' ') next++;
                if (next < n && next - end <= 2 * context) end = next;
                else {
                    end = Math.min(n, end + context);
                    break;
                }
            }
            if (!header) {
                out.add("--- " + fromFile + "\n");
                out.add("+++ " + toFile + "\n");
                header = true;
            }
            int aLen = aAt[end] - aAt[start];
            int bLen = bAt[end] - bAt[start];
            out.add("@@ -" + range(aAt[start], aLen) + " +" + range(bAt[start], bLen) + " @@\n");
            for (int k = start; k < end; k++) out.add(ops.get(k).kind() + ops.get(k).line());
            i = end;
        }
        return out;
    }

    private static String range(int start, int length) {
        int beginning = start + 1;
        if (length == 1) return Integer.toString(beginning);
        if (length == 0) beginning--;
        return beginning + "," + length;
    }

    private static List<Op> align(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i++)));
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                ops.add(new Op('+', b.get(j++)));
            } else {
                ops.add(new Op('-', a.get(i++)));
            }
        }
        // difflib lists deletions before insertions within a change block
        List<Op> ordered = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).kind() == ' ') {
                ordered.add(ops.get(k++));
                continue;
            }
            List<Op> del = new ArrayList<>();
            List<Op> add = new ArrayList<>();
            while (k < ops.size() && ops.get(k).kind() != ' ') {
                (ops.get(k).kind() == '-' ? del : add).add(ops.get(k));
                k++;
            }
            ordered.addAll(del);
            ordered.addAll(add);
        }
        return ordered;
    }
}
