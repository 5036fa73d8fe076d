package dev.jplay.modules.commands;

import dev.jplay.connection.Dialog;
import dev.jplay.data.Py;
import dev.jplay.template.PyRegex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code expect}'s side of the conversation, as pexpect's {@code run(events=...)} under Ansible's expect module: the
 * output is searched (as bytes: one ISO-8859-1 char per byte) for every question's pattern, the earliest match wins
 * (the first question on a tie), what it matched is consumed, and its answer goes to stdin with one newline. A
 * question with a list of answers gives them in turn and fails the task when it is asked once more. {@code timeout}
 * bounds each wait — for the next match or the end of the output — not the whole command; when it passes, the
 * command is killed. Output before {@code start} (a marker line the host prints before the command starts) is not
 * the command's. The answers are never shown: {@link #toString} names only the questions.
 */
final class Expectations implements Dialog {
    private final List<Question> questions;
    private final Duration timeout;
    private final String start;
    private final StringBuilder unread = new StringBuilder();
    private boolean started;
    private boolean fresh;
    private boolean ended;
    private boolean timedOut;
    private String failure;

    private record Question(String key, Pattern pattern, String answer, Iterator<String> answers) {}

    /** An answer to send, or the failure that ends the conversation. */
    private record Turn(byte[] answer, String failure) {}

    private Expectations(List<Question> questions, Duration timeout, String start) {
        this.questions = questions;
        this.timeout = timeout;
        this.start = start;
    }

    /**
     * The conversation for {@code responses} (regex → answer, or → list of answers in turn); {@code timeout} null
     * waits for ever. A bad pattern throws {@link dev.jplay.template.EvalError}.
     */
    static Expectations of(Map<String, Object> responses, Duration timeout, String startLine) {
        List<Question> qs = new ArrayList<>();
        responses.forEach((key, value) -> {
            Pattern p = PyRegex.compileBytes(key);
            if (value instanceof List<?> l) qs.add(new Question(key, p, null, l.stream().map(Expectations::line).iterator()));
            else qs.add(new Question(key, p, line(value), null));
        });
        return new Expectations(List.copyOf(qs), timeout, startLine);
    }

    /** An answer as Ansible sends it: its text without trailing newlines, then one newline. */
    private static String line(Object answer) {
        String s = Py.str(answer);
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '\n') e--;
        return s.substring(0, e) + "\n";
    }

    @Override
    public synchronized void heard(byte[] data, int offset, int length, boolean stderr) {
        if (stderr) return; // the command's own output, stderr too, comes through the terminal: this is the driver's
        unread.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
        if (!started) {
            int at = unread.indexOf(start);
            if (at < 0) return;
            unread.delete(0, at + start.length());
            started = true;
        }
        fresh = true;
        notifyAll();
    }

    @Override
    public synchronized void ended() {
        ended = true;
        notifyAll();
    }

    @Override
    public void talk(OutputStream stdin, Runnable hangUp) throws IOException {
        while (true) {
            Turn turn;
            try {
                turn = next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (turn == null) return;
            if (turn.failure() != null || turn.answer() == null) {
                hangUp.run();
                return;
            }
            stdin.write(turn.answer());
            stdin.flush();
        }
    }

    /** Waits for the next match and returns its answer; null once the output ended; a failure or timeout ends it too. */
    private synchronized Turn next() throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean running = started;
        while (true) {
            if (started) {
                if (!running && timeout != null) deadline = System.nanoTime() + timeout.toNanos(); // the clock starts with the command
                running = true;
                Turn t = match();
                if (t != null) return t;
            }
            if (ended) return null;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timedOut = true;
                return new Turn(null, null);
            }
            long ms = Math.max(1, left / 1_000_000);
            wait(deadline == Long.MAX_VALUE ? 0 : ms);
        }
    }

    /** The earliest match in what is unread, consumed, and its answer; null when nothing matches yet. */
    private Turn match() {
        Question best = null;
        int bestStart = 0;
        int bestEnd = 0;
        for (Question q : questions) {
            Matcher m = q.pattern().matcher(unread);
            if (!m.find()) continue;
            if (m.end() == 0 && !fresh) continue; // an empty match at the start answers once per piece of output
            if (best == null || m.start() < bestStart) {
                best = q;
                bestStart = m.start();
                bestEnd = m.end();
            }
        }
        if (best == null) return null;
        String asked = unread.substring(0, bestEnd);
        unread.delete(0, bestEnd);
        fresh = false;
        String answer = best.answer();
        if (best.answers() != null) {
            if (!best.answers().hasNext()) {
                failure = "No remaining responses for '" + best.key() + "', output was '"
                        + CommandWords.bytesRepr(asked.getBytes(StandardCharsets.ISO_8859_1)) + "'";
                return new Turn(null, failure);
            }
            answer = best.answers().next();
        }
        return new Turn(answer.getBytes(StandardCharsets.UTF_8), null);
    }

    /** True when the command was killed because no question came (nor the end of its output) within the timeout. */
    synchronized boolean timedOut() {
        return timedOut;
    }

    /** The message when the conversation failed (a question asked once more than its list of answers), else null. */
    synchronized String failure() {
        return failure;
    }

    @Override
    public String toString() {
        return "expect " + questions.stream().map(Question::key).toList();
    }
}
