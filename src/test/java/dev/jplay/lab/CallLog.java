package dev.jplay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The calls the k8s lab profile's stand-ins recorded on one host ({@code /var/log/jplay-lab/calls.log}: the time in
 * seconds, then the command line), so tests can assert what ran, and in which order across hosts.
 */
record CallLog(List<Call> calls) {
    /** One recorded call. */
    record Call(double time, String line) {}

    static CallLog of(Lab lab, String host) throws IOException {
        Path p = lab.changes(host).resolve("var/log/jplay-lab/calls.log");
        if (!Files.exists(p)) return new CallLog(List.of());
        return new CallLog(Files.readAllLines(p).stream().filter(l -> l.indexOf(' ') > 0)
                .map(l -> new Call(Double.parseDouble(l.substring(0, l.indexOf(' '))), l.substring(l.indexOf(' ') + 1))).toList());
    }

    /** The command lines, without times. */
    List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }

    /** The lines that start with {@code prefix}. */
    List<String> starting(String prefix) {
        return lines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The time of the first call starting with {@code prefix} after {@code after}, or NaN when there is none. */
    double first(String prefix, double after) {
        return calls.stream().filter(c -> c.time() > after && c.line().startsWith(prefix)).mapToDouble(Call::time).findFirst().orElse(Double.NaN);
    }

    double first(String prefix) {
        return first(prefix, 0);
    }

    /** The time of the last call. */
    double end() {
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).time();
    }
}
