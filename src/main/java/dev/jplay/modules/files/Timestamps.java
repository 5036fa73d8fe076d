package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.template.PyStrptime;
import java.math.BigDecimal;
import java.time.LocalDateTime;
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
        return plan(ctx.sh(read(path)).out(), path);
    }

    /**
     * The shell snippet that reads what {@link #plan(String, String)} needs, on one line: its status, the host's
     * time now, the given times as epoch seconds, and the path's mtime and atime (following links).
     */
    String read(String path) {
        StringBuilder sh = new StringBuilder("t_=$( { date +%s.%N");
        for (String t : new String[] {mtime, atime}) {
            if (t != null && !t.equals(NOW)) sh.append(" && date -d ").append(quote(t)).append(" +%s");
        }
        sh.append(" && stat -L -c '%.Y %.X' -- ").append(quote(path)).append("; } 2>&1 ); s_=$?; ")
                .append("printf '%s %s\\n' \"$s_\" \"$(printf '%s' \"$t_\" | tr '\\n' ' ')\"; ");
        return sh.toString();
    }

    /** Plans the change from the first line of what {@link #read} printed. */
    Change plan(String read, String path) throws ConnectionException {
        if (preserve()) return Change.NONE;
        String line = read.lines().findFirst().orElse("").strip();
        String[] f = line.split("\\s+");
        if (!f[0].equals("0")) {
            throw new ConnectionException(ConnectionException.Kind.TRANSFER, "cannot read times of " + path + ": "
                    + line.substring(f[0].length()).strip());
        }
        BigDecimal now = new BigDecimal(f[1]);
        int i = 2;
        BigDecimal m = mtime == null ? null : mtime.equals(NOW) ? now : new BigDecimal(f[i++]);
        BigDecimal a = atime == null ? null : atime.equals(NOW) ? now : new BigDecimal(f[i++]);
        BigDecimal pm = new BigDecimal(f[i]);
        BigDecimal pa = new BigDecimal(f[i + 1]);
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
            LocalDateTime t = PyStrptime.parse(value, f);
            return String.format(Locale.ROOT, "%s %02d:%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute(), t.getSecond());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Error while obtaining timestamp for time " + value + " using format " + f + ": " + e.getMessage());
        }
    }
}
