package dev.jplay.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Python difflib's {@code unified_diff} (what Ansible's callbacks print for --diff), line for line: the same
 * matching blocks as difflib's {@code SequenceMatcher} (longest matching block first, lines that occur in more
 * than 1 % of a text of 200 lines or more are not used as anchors), the same hunks and ranges. Memory is linear in
 * the texts; the work is bounded ({@link LineMatcher#BUDGET}): past it, the rest of a region is one replacement, so
 * a pathological pair of texts gives a coarser diff instead of a long wait.
 * <pre>
 * UnifiedDiff.diff(List.of("a\n", "b\n"), List.of("a\n", "c\n"), "before", "after", 3)
 *   → ["--- before\n", "+++ after\n", "@@ -1,2 +1,2 @@\n", " a\n", "-b\n", "+c\n"]
 * </pre>
 */
final class UnifiedDiff {
    private UnifiedDiff() {}

    /** The diff lines (each line as given, so normally ending with a newline), or an empty list when equal. */
    static List<String> diff(List<String> a, List<String> b, String fromFile, String toFile, int context) {
        List<String> out = new ArrayList<>();
        for (List<LineMatcher.Opcode> group : groups(new LineMatcher(a, b).opcodes(), context)) {
            if (out.isEmpty()) {
                out.add("--- " + fromFile + "\n");
                out.add("+++ " + toFile + "\n");
            }
            LineMatcher.Opcode first = group.get(0);
            LineMatcher.Opcode last = group.get(group.size() - 1);
            out.add("@@ -" + range(first.i1(), last.i2()) + " +" + range(first.j1(), last.j2()) + " @@\n");
            for (LineMatcher.Opcode op : group) {
                if (op.tag() == LineMatcher.Tag.EQUAL) {
                    for (String line : a.subList(op.i1(), op.i2())) out.add(" " + line);
                    continue;
                }
                for (String line : a.subList(op.i1(), op.i2())) out.add("-" + line);
                for (String line : b.subList(op.j1(), op.j2())) out.add("+" + line);
            }
        }
        return out;
    }

    /** difflib's get_grouped_opcodes: the changes with up to {@code n} lines of context, split where more are equal. */
    static List<List<LineMatcher.Opcode>> groups(List<LineMatcher.Opcode> opcodes, int n) {
        List<LineMatcher.Opcode> codes = new ArrayList<>(opcodes);
        if (codes.isEmpty()) codes.add(new LineMatcher.Opcode(LineMatcher.Tag.EQUAL, 0, 1, 0, 1));
        LineMatcher.Opcode head = codes.get(0);
        if (head.tag() == LineMatcher.Tag.EQUAL) {
            codes.set(0, new LineMatcher.Opcode(head.tag(), Math.max(head.i1(), head.i2() - n), head.i2(),
                    Math.max(head.j1(), head.j2() - n), head.j2()));
        }
        LineMatcher.Opcode tail = codes.get(codes.size() - 1);
        if (tail.tag() == LineMatcher.Tag.EQUAL) {
            codes.set(codes.size() - 1, new LineMatcher.Opcode(tail.tag(), tail.i1(), Math.min(tail.i2(), tail.i1() + n),
                    tail.j1(), Math.min(tail.j2(), tail.j1() + n)));
        }
        List<List<LineMatcher.Opcode>> groups = new ArrayList<>();
        List<LineMatcher.Opcode> group = new ArrayList<>();
        for (LineMatcher.Opcode c : codes) {
            int i1 = c.i1();
            int j1 = c.j1();
            if (c.tag() == LineMatcher.Tag.EQUAL && c.i2() - i1 > 2 * n) {
                group.add(new LineMatcher.Opcode(c.tag(), i1, Math.min(c.i2(), i1 + n), j1, Math.min(c.j2(), j1 + n)));
                groups.add(group);
                group = new ArrayList<>();
                i1 = Math.max(i1, c.i2() - n);
                j1 = Math.max(j1, c.j2() - n);
            }
            group.add(new LineMatcher.Opcode(c.tag(), i1, c.i2(), j1, c.j2()));
        }
        if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag() == LineMatcher.Tag.EQUAL)) groups.add(group);
        return groups;
    }

    private static String range(int start, int stop) {
        int beginning = start + 1;
        int length = stop - start;
        if (length == 1) return Integer.toString(beginning);
        if (length == 0) beginning--;
        return beginning + "," + length;
    }
}
