package dev.jplay.output;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-task timing like Ansible's {@code profile_tasks} (and {@code timer}): a timestamp line after each task banner
 * and, after the recap, the slowest tasks (top 20, longest first) and the total run time.
 */
public final class ProfileTasks implements Callback {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEEE dd MMMM yyyy  HH:mm:ss Z", Locale.ENGLISH);
    private final Display d;
    private final int columns;
    private final boolean timerOnly;
    private final long t0 = System.nanoTime();
    private long tn = t0;
    private final Map<String, double[]> elapsed = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    /** {@code timerOnly}: just the {@code timer} callback's total at the end. */
    public ProfileTasks(Display display, int columns, boolean timerOnly) {
        this.d = display;
        this.columns = Math.max(79, columns - 1);
        this.timerOnly = timerOnly;
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.TaskStarted t && !timerOnly) {
            d.display(tasktime(), null);
            finishCurrent();
            current = t.task().id();
            currentStart = System.nanoTime();
            elapsed.putIfAbsent(current, new double[1]);
            names.putIfAbsent(current, t.task().banner());
        } else if (e instanceof Event.Recap) {
            finishCurrent();
            if (!timerOnly) summary();
        } else if (e instanceof Event.PlaybookEnded p && timerOnly) {
            long s = p.elapsed().toSeconds();
            d.display("Playbook run took " + s / 86400 + " days, " + s % 86400 / 3600 + " hours, " + s % 3600 / 60 + " minutes, "
                    + s % 60 + " seconds", null);
        }
    }

    private void finishCurrent() {
        if (current != null) elapsed.get(current)[0] += (System.nanoTime() - currentStart) / 1e9;
        current = null;
    }

    private void summary() {
        d.display(tasktime(), null);
        d.display(filled("", '='), null);
        List<Map.Entry<String, double[]>> rows = new ArrayList<>(elapsed.entrySet());
        rows.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        for (var r : rows.subList(0, Math.min(20, rows.size()))) {
            String left = names.get(r.getKey()) + " ";
            String right = String.format(Locale.ROOT, " %.2fs", r.getValue()[0]);
            int w = columns - 9;
            String l = left.length() >= w ? left : left + "-".repeat(w - left.length());
            String rr = right.length() >= 9 ? right : "-".repeat(9 - right.length()) + right;
            d.display(l + rr, null);
        }
    }

    private String tasktime() {
        long now = System.nanoTime();
        String s = ZonedDateTime.now().format(STAMP) + " (" + duration(now - tn) + ")" + " ".repeat(7) + duration(now - t0);
        tn = now;
        return filled(s, '*');
    }

    private static String duration(long nanos) {
        long ms = nanos / 1_000_000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static String filled(String msg, char fill) {
        String m = msg.isEmpty() ? "" : msg + " ";
        int width = Math.max(3, msg.isEmpty() ? 79 : 79 - m.length());
        return m + String.valueOf(fill).repeat(width) + " ";
    }
}
