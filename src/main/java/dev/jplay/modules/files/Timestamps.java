package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code file} module's {@code modification_time} and {@code access_time}: each {@code preserve} (null here),
 * {@code now}, or a time in {@code *_time_format} (Python strptime directives, read as the host's local time). The
 * default is {@code now} for {@code state: touch} and {@code preserve} otherwise, as in Ansible. Setting times goes
 * through {@code touch -d}, comparing them (for idempotence and the diff) through {@code stat}, in one round trip.
 */
record Timestamps(String mtime, String atime) {
    static final String NOW = "now";

    /** The task's times for {@code state}; an unparsable time is an {@link IllegalArgumentException} with Ansible's message. */
    static Timestamps of(ModuleArgs a, String state) {
        String dflt = state.equals("touch") ? NOW : null;
        return new Timestamps(parse(a.str("modification_time"), a.str("modification_time_format"), dflt),
                parse(a.str("access_time"), a.str("access_time_format"), dflt));
    }

    boolean preserve() {
        return mtime == null && atime == null;
    }

    /** What setting the times on {@code path} does: whether they change, the diff entries, and the command. */
    record Change(boolean changed, Map<String, Object> before, Map<String, Object> after, String command) {
        static final Change NONE = new Change(false, Map.of(), Map.of(), "");
    }

    /** Reads the current times of {@code path} (following links, as os.utime does) and plans the change. */
    Change plan(ModuleContext ctx, String path) throws ConnectionException {
        if (preserve()) return Change.NONE;
        StringBuilder sh = new StringBuilder("date +%s.%N");
        for (String t : new String[] {mtime, atime}) {
            if (t != null && !t.equals(NOW)) sh.append(" && date -d ").append(quote(t)).append(" +%s");
        }
        sh.append(" && stat -L -c '%.Y %.X' -- ").append(quote(path));
        ExecResult r = ctx.sh(sh.toString());
        if (!r.ok()) throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read times of " + path + ": " + r.err().strip());
        String[] lines = r.out().strip().split("\n");
        BigDecimal now = new BigDecimal(lines[0].strip());
        int i = 1;
        BigDecimal m = mtime == null ? null : mtime.equals(NOW) ? now : new BigDecimal(lines[i++].strip());
        BigDecimal a = atime == null ? null : atime.equals(NOW) ? now : new BigDecimal(lines[i++].strip());
        String[] prev = lines[i].strip().split(" ");
        BigDecimal pm = new BigDecimal(prev[0]);
        BigDecimal pa = new BigDecimal(prev[1]);
        if (m == null) m = pm;
        if (a == null) a = pa;
        boolean both = NOW.equals(mtime) && NOW.equals(atime);
        if (!both && m.compareTo(pm) == 0 && a.compareTo(pa) == 0) return Change.NONE;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (m.compareTo(pm) != 0) {
            before.put("mtime", pm.doubleValue());
            after.put("mtime", m.doubleValue());
        }
        if (a.compareTo(pa) != 0) {
            before.put("atime", pa.doubleValue());
            after.put("atime", a.doubleValue());
        }
        String cmd = both ? "touch -c -- " + quote(path)
                : "touch -c -m -d @" + m.toPlainString() + " -- " + quote(path) + " && touch -c -a -d @" + a.toPlainString() + " -- " + quote(path);
        return new Change(true, before, after, cmd);
    }

    /** {@code preserve} → null, {@code now}, or the time as {@code YYYY-MM-DD HH:MM:SS} for the host's date(1). */
    private static String parse(String value, String format, String dflt) {
        if (value == null) return dflt;
        if (value.equals("preserve")) return null;
        if (value.equals(NOW)) return NOW;
        String f = format == null ? "%Y%m%d%H%M.%S" : format;
        try {
            return StrpTime.parse(value, f);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Error while obtaining timestamp for time " + value + " using format " + f
                    + ": time data '" + value + "' does not match format '" + f + "'");
        }
    }

    /** A small Python {@code time.strptime}: %Y %y %m %d %H %I %p %M %S %b %B %j and literals; one per parse. */
    static final class StrpTime {
        private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        private final String s;
        private int p;

        private StrpTime(String s) {
            this.s = s;
        }

        static String parse(String s, String fmt) {
            return new StrpTime(s).read(fmt);
        }

        private String read(String fmt) {
            int year = 1900;
            int month = 1;
            int day = 1;
            int hour = 0;
            int minute = 0;
            int second = 0;
            int yday = -1;
            Boolean pm = null;
            for (int i = 0; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c != '%') {
                    literal(c);
                    continue;
                }
                if (++i >= fmt.length()) throw new IllegalArgumentException();
                switch (fmt.charAt(i)) {
                    case 'Y' -> year = num(4);
                    case 'y' -> {
                        int y = num(2);
                        year = y < 69 ? 2000 + y : 1900 + y;
                    }
                    case 'm' -> month = num(2);
                    case 'd' -> day = num(2);
                    case 'H', 'I' -> hour = num(2);
                    case 'M' -> minute = num(2);
                    case 'S' -> second = num(2);
                    case 'j' -> yday = num(3);
                    case 'p' -> pm = ampm();
                    case 'b', 'B' -> month = month(fmt.charAt(i) == 'B');
                    case '%' -> literal('%');
                    default -> throw new IllegalArgumentException();
                }
            }
            if (p != s.length()) throw new IllegalArgumentException();
            if (pm != null) hour = hour % 12 + (pm ? 12 : 0);
            try {
                java.time.LocalDate date = yday > 0 ? java.time.LocalDate.ofYearDay(year, yday) : java.time.LocalDate.of(year, month, day);
                return String.format(Locale.ROOT, "%s %02d:%02d:%02d", date, hour, minute, second);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(e);
            }
        }

        private void literal(char c) {
            if (p >= s.length() || s.charAt(p) != c) throw new IllegalArgumentException();
            p++;
        }

        private int num(int max) {
            int from = p;
            while (p < s.length() && p - from < max && Character.isDigit(s.charAt(p))) p++;
            if (p == from) throw new IllegalArgumentException();
            return Integer.parseInt(s.substring(from, p));
        }

        private boolean ampm() {
            String ap = s.substring(p, Math.min(p + 2, s.length())).toLowerCase(Locale.ROOT);
            if (!ap.equals("am") && !ap.equals("pm")) throw new IllegalArgumentException();
            p += 2;
            return ap.equals("pm");
        }

        private int month(boolean full) {
            String rest = s.substring(p).toLowerCase(Locale.ROOT);
            for (int k = 0; k < 12; k++) {
                if (rest.startsWith(MONTHS[k])) {
                    p += 3;
                    while (full && p < s.length() && Character.isLetter(s.charAt(p))) p++;
                    return k + 1;
                }
            }
            throw new IllegalArgumentException();
        }
    }
}
