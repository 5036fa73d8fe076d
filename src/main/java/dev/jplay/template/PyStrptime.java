package dev.jplay.template;

import java.time.LocalDateTime;

/**
 * Python's {@code datetime.strptime} for the modules (the file module's {@code *_time_format}), the same parser the
 * {@code strftime}/{@code to_datetime} filters use. Text that does not match throws a RuntimeException with
 * Python's message ({@code time data 'x' does not match format '%Y'}, {@code unconverted data remains: ...}).
 */
public final class PyStrptime {
    private PyStrptime() {}

    public static LocalDateTime parse(String text, String format) {
        return PyTime.strptime(text, format).t;
    }
}
