package dev.jplay.template;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code datetime} and {@code timedelta} as templates use them ({@code to_datetime}, subtraction), and C's strftime. */
final class PyTime {
    private PyTime() {}

    /** Values with Python arithmetic and ordering. */
    interface Arith {
        /** {@code this op other}, or null when Python would raise a type error. */
        Object binary(String op, Object other);

        boolean comparable(Object other);

        int compareTo(Object other);
    }

    /** A naive {@code datetime.datetime}. */
    static final class DateTime implements Attributes, Arith {
        final LocalDateTime t;

        DateTime(LocalDateTime t) {
            this.t = t;
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "year" -> (long) t.getYear();
                case "month" -> (long) t.getMonthValue();
                case "day" -> (long) t.getDayOfMonth();
                case "hour" -> (long) t.getHour();
                case "minute" -> (long) t.getMinute();
                case "second" -> (long) t.getSecond();
                case "microsecond" -> (long) (t.getNano() / 1000);
                case "strftime" -> (PyCallable) (env, args, kw) -> strftime(PyOps.str(args.get(0)));
                case "isoformat" -> (PyCallable) (env, args, kw) -> isoformat();
                case "timestamp" -> (PyCallable) (env, args, kw) ->
                        t.atZone(java.time.ZoneId.systemDefault()).toEpochSecond() + t.getNano() / 1e9;
                case "weekday" -> (PyCallable) (env, args, kw) -> (long) t.getDayOfWeek().getValue() - 1;
                case "isoweekday" -> (PyCallable) (env, args, kw) -> (long) t.getDayOfWeek().getValue();
                case "toordinal" -> (PyCallable) (env, args, kw) -> t.toLocalDate().toEpochDay() + 719163;
                default -> Undefined.attribute("datetime.datetime object", name);
            };
        }

        /** {@code datetime.strftime(fmt)}, %f included. */
        String strftime(String fmt) {
            return PyTime.strftime(t.atZone(ZoneOffset.UTC), fmt, true);
        }

        String isoformat() {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                    t.getMinute(), t.getSecond());
            return t.getNano() == 0 ? s : s + String.format(".%06d", t.getNano() / 1000);
        }

        @Override
        public Object binary(String op, Object other) {
            if (op.equals("-") && other instanceof DateTime d) {
                long micros = ChronoUnit.MICROS.between(d.t, t);
                return Delta.ofMicros(micros);
            }
            if (other instanceof Delta d && (op.equals("+") || op.equals("-"))) {
                long micros = op.equals("+") ? d.totalMicros() : -d.totalMicros();
                return new DateTime(t.plus(micros, ChronoUnit.MICROS));
            }
            return null;
        }

        @Override
        public boolean comparable(Object other) {
            return other instanceof DateTime;
        }

        @Override
        public int compareTo(Object other) {
            return t.compareTo(((DateTime) other).t);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DateTime d && d.t.equals(t);
        }

        @Override
        public int hashCode() {
            return t.hashCode();
        }

        @Override
        public String toString() {
            return isoformat().replace('T', ' ');
        }
    }

    /** A {@code datetime.timedelta}: days, seconds (0..86399) and microseconds, normalised as Python does. */
    static final class Delta implements Attributes, Arith {
        final long days;
        final long seconds;
        final long micros;

        private Delta(long days, long seconds, long micros) {
            this.days = days;
            this.seconds = seconds;
            this.micros = micros;
        }

        static Delta ofMicros(long total) {
            long days = Math.floorDiv(total, 86_400_000_000L);
            long rest = Math.floorMod(total, 86_400_000_000L);
            return new Delta(days, rest / 1_000_000, rest % 1_000_000);
        }

        long totalMicros() {
            return days * 86_400_000_000L + seconds * 1_000_000 + micros;
        }

        Delta negate() {
            return ofMicros(-totalMicros());
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "days" -> days;
                case "seconds" -> seconds;
                case "microseconds" -> micros;
                case "total_seconds" -> (PyCallable) (env, args, kw) -> totalMicros() / 1e6;
                default -> Undefined.attribute("datetime.timedelta object", name);
            };
        }

        @Override
        public Object binary(String op, Object other) {
            if (other instanceof Delta d) {
                return switch (op) {
                    case "+" -> ofMicros(totalMicros() + d.totalMicros());
                    case "-" -> ofMicros(totalMicros() - d.totalMicros());
                    case "/" -> (double) totalMicros() / d.totalMicros();
                    case "//" -> Math.floorDiv(totalMicros(), d.totalMicros());
                    default -> null;
                };
            }
            if (PyOps.isNumber(other) && (op.equals("*") || op.equals("/"))) {
                double f = PyOps.asDouble(other);
                return ofMicros(Math.round(op.equals("*") ? totalMicros() * f : totalMicros() / f));
            }
            return null;
        }

        @Override
        public boolean comparable(Object other) {
            return other instanceof Delta;
        }

        @Override
        public int compareTo(Object other) {
            return Long.compare(totalMicros(), ((Delta) other).totalMicros());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delta d && d.totalMicros() == totalMicros();
        }

        @Override
        public int hashCode() {
            return Long.hashCode(totalMicros());
        }

        @Override
        public String toString() {
            long hh = seconds / 3600;
            long mm = seconds / 60 % 60;
            long ss = seconds % 60;
            String s = String.format("%d:%02d:%02d", hh, mm, ss);
            if (days != 0) s = days + " day" + (Math.abs(days) != 1 ? "s" : "") + ", " + s;
            return micros != 0 ? s + String.format(".%06d", micros) : s;
        }
    }

    /** C's strftime in the C locale (glibc's directives); {@code python} adds datetime's %f. */
    static String strftime(ZonedDateTime t, String fmt, boolean python) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char d = fmt.charAt(++i);
            String r = directive(t, d, python);
            sb.append(r == null ? "%" + d : r);
        }
        return sb.toString();
    }

    private static String directive(ZonedDateTime t, char d, boolean python) {
        int yday = t.getDayOfYear() - 1;
        int wdaySun = t.getDayOfWeek().getValue() % 7;
        return switch (d) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'c' -> strftime(t, "%a %b %e %H:%M:%S %Y", false);
            case 'C' -> String.format("%02d", t.getYear() / 100);
            case 'd' -> String.format("%02d", t.getDayOfMonth());
            case 'D' -> strftime(t, "%m/%d/%y", false);
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'f' -> python ? String.format("%06d", t.getNano() / 1000) : null;
            case 'F' -> strftime(t, "%Y-%m-%d", false);
            case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> String.format("%02d", t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'H' -> String.format("%02d", t.getHour());
            case 'I' -> String.format("%02d", (t.getHour() + 11) % 12 + 1);
            case 'j' -> String.format("%03d", yday + 1);
            case 'k' -> String.format("%2d", t.getHour());
            case 'l' -> String.format("%2d", (t.getHour() + 11) % 12 + 1);
            case 'm' -> String.format("%02d", t.getMonthValue());
            case 'M' -> String.format("%02d", t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> strftime(t, "%I:%M:%S %p", false);
            case 'R' -> strftime(t, "%H:%M", false);
            case 's' -> String.valueOf(t.toEpochSecond());
            case 'S' -> String.format("%02d", t.getSecond());
            case 't' -> "\t";
            case 'T' -> strftime(t, "%H:%M:%S", false);
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'U' -> String.format("%02d", (yday + 7 - wdaySun) / 7);
            case 'V' -> String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> String.valueOf(wdaySun);
            case 'W' -> String.format("%02d", (yday + 7 - (wdaySun + 6) % 7) / 7);
            case 'x' -> strftime(t, "%m/%d/%y", false);
            case 'X' -> strftime(t, "%H:%M:%S", false);
            case 'y' -> String.format("%02d", t.getYear() % 100);
            case 'Y' -> String.valueOf(t.getYear());
            case 'z' -> t.getOffset().getTotalSeconds() == 0 && python ? "" : t.getOffset().getId().replace(":", "").replace("Z", "+0000");
            case 'Z' -> python ? "" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case '%' -> "%";
            default -> null;
        };
    }

    private static final Map<Character, String> PARSE = new LinkedHashMap<>();

    static {
        PARSE.put('d', "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])");
        PARSE.put('f', "([0-9]{1,6})");
        PARSE.put('H', "(2[0-3]|[0-1]\\d|\\d)");
        PARSE.put('I', "(1[0-2]|0[1-9]|[1-9])");
        PARSE.put('j', "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])");
        PARSE.put('m', "(1[0-2]|0[1-9]|[1-9])");
        PARSE.put('M', "([0-5]\\d|\\d)");
        PARSE.put('S', "(6[0-1]|[0-5]\\d|\\d)");
        PARSE.put('y', "(\\d\\d)");
        PARSE.put('Y', "(\\d\\d\\d\\d)");
        PARSE.put('p', "(am|pm)");
        PARSE.put('b', "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)");
        PARSE.put('B', "(january|february|march|april|may|june|july|august|september|october|november|december)");
        PARSE.put('a', "(mon|tue|wed|thu|fri|sat|sun)");
        PARSE.put('A', "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)");
        PARSE.put('z', "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)");
        PARSE.put('Z', "(utc|gmt)");
        PARSE.put('w', "([0-6])");
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** Python's {@code datetime.strptime(text, fmt)}. */
    static DateTime strptime(String text, String fmt) {
        StringBuilder re = new StringBuilder();
        List<Character> groups = new java.util.ArrayList<>();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '%' && i + 1 < fmt.length()) {
                char d = fmt.charAt(++i);
                if (d == '%') {
                    re.append('%');
                    continue;
                }
                String p = PARSE.get(d == 'h' ? 'b' : d);
                if (p == null) throw new EvalError("'" + d + "' is a bad directive in format '%" + d + "'");
                re.append(p);
                groups.add(d == 'h' ? 'b' : d);
            } else if (Character.isWhitespace(c)) {
                re.append("\\s+");
                while (i + 1 < fmt.length() && Character.isWhitespace(fmt.charAt(i + 1))) i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Matcher m = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.lookingAt()) throw new EvalError("time data " + dev.jplay.data.Py.repr(text) + " does not match format " + dev.jplay.data.Py.repr(fmt));
        if (m.end() != text.length()) throw new EvalError("unconverted data remains: " + text.substring(m.end()));
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micro = 0;
        int hour12 = -1;
        boolean pm = false;
        int yday = -1;
        for (int g = 0; g < groups.size(); g++) {
            String v = m.group(g + 1).strip();
            switch (groups.get(g)) {
                case 'Y' -> year = Integer.parseInt(v);
                case 'y' -> {
                    int y = Integer.parseInt(v);
                    year = y <= 68 ? 2000 + y : 1900 + y;
                }
                case 'm' -> month = Integer.parseInt(v);
                case 'd' -> day = Integer.parseInt(v);
                case 'H' -> hour = Integer.parseInt(v);
                case 'I' -> hour12 = Integer.parseInt(v);
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                case 'f' -> micro = Integer.parseInt((v + "000000").substring(0, 6));
                case 'p' -> pm = v.equalsIgnoreCase("pm");
                case 'b', 'B' -> month = MONTHS.indexOf(v.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
                case 'j' -> yday = Integer.parseInt(v);
                default -> { }
            }
        }
        if (hour12 >= 0) hour = hour12 % 12 + (pm ? 12 : 0);
        try {
            LocalDateTime t = yday > 0 ? LocalDateTime.of(year, 1, 1, hour, minute, Math.min(second, 59)).plusDays(yday - 1)
                    : LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
            return new DateTime(t.plusNanos(micro * 1000L));
        } catch (java.time.DateTimeException e) {
            throw new EvalError("day is out of range for month");
        }
    }
}
