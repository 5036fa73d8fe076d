package dev.jplay.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Date filters: strftime (C's, on the controller's local time unless utc) and to_datetime (Python's strptime). */
final class TimeFilters {
    private TimeFilters() {}

    static Fn.Filter get(String name) {
        return switch (name) {
            case "strftime" -> (e, v, a) -> {
                Object second = a.get(0, "second", null);
                boolean utc = a.bool(1, "utc", false);
                Instant at;
                if (second == null) {
                    at = Instant.now();
                } else {
                    Double s = DataFilters.toFloat(second);
                    if (s == null) throw new EvalError("Invalid value for epoch value (" + PyOps.str(second) + ")");
                    at = Instant.ofEpochSecond((long) Math.floor(s));
                }
                return PyTime.strftime(at.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault()), PyOps.str(v), false);
            };
            case "to_datetime" -> (e, v, a) -> {
                if (!(v instanceof CharSequence s)) throw EvalError.type("strptime() argument 1 must be str, not " + PyOps.typeName(v));
                return PyTime.strptime(s.toString(), a.str(0, "format", "%Y-%m-%d %H:%M:%S"));
            };
            default -> null;
        };
    }
}
