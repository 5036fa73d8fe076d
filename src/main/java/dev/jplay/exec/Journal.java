package dev.jplay.exec;

import dev.jplay.data.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run journal of a playbook command ({@code .jplay/NAME.journal.json} beside the first playbook): per host and
 * play, how many times each task completed, which of those tasks make state (register, facts) and must run again
 * on resume, the handlers notified but not yet run, and where the host stopped; plus the checksums of the files the
 * run was loaded from and of the inventory, and the options that select tasks. It never holds a result, a variable
 * or a password: names, locations, counts and checksums only. Written atomically (temporary file and rename) at
 * most every {@value #WRITE_EVERY_MS} ms while a run goes (and, as the journal grows, not before
 * {@value #WAIT_PER_WRITE} times as long as the last write took, so that worker threads, which record under this
 * object's lock, wait for writes only a small part of the run), and at its end; a run that has recorded no host yet (it
 * reached none) creates no file, so {@code .jplay/} appears beside a playbook only once a run did something there to
 * resume (an earlier run's journal is still replaced). Thread-safe.
 *
 * <p>A task is known by {@code file:line:col name} relative to the playbook's directory, in its play ({@code
 * file:line:col} of the play): the n-th execution of a task on a host is the n-th time that host reaches it (a
 * role applied twice, a file included in a loop).
 */
public final class Journal {
    static final int VERSION = 1;
    private static final long WRITE_EVERY_MS = 250;
    private static final long WAIT_PER_WRITE = 20;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One host's record in one play. */
    static final class PlayRecord {
        final Map<String, Integer> done = new LinkedHashMap<>();
        final Set<String> stateful = new LinkedHashSet<>();
        final Set<String> handlers = new LinkedHashSet<>();
    }

    /** One host's record. */
    static final class HostRecord {
        String status = "running";
        String stoppedAt;
        final Map<String, PlayRecord> plays = new LinkedHashMap<>();
    }

    private final Path file;
    private final Path base;
    private final Map<String, HostRecord> hosts = new LinkedHashMap<>();
    private Map<String, Object> header = new LinkedHashMap<>();
    private long lastWrite;
    /** How long the last write took (ms). */
    private long writeTook;
    private boolean dirty;
    private String writeError;

    private Journal(Path file, Path base) {
        this.file = file;
        this.base = base;
    }

    /** Where the journal of a command running {@code playbooks} (absolute) lives. */
    public static Path fileFor(List<Path> playbooks) {
        Path first = playbooks.get(0);
        StringBuilder all = new StringBuilder();
        for (Path p : playbooks) all.append(p.toAbsolutePath().normalize()).append('\n');
        String id = Fingerprints.sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return first.toAbsolutePath().getParent().resolve(".jplay").resolve(first.getFileName() + "-" + id + ".journal.json");
    }

    /** A new journal for a fresh run (replacing the last one when it is first written). */
    public static Journal fresh(Path file, Map<String, Object> header) {
        Journal j = new Journal(file, file.getParent().getParent());
        j.header = new LinkedHashMap<>(header);
        j.header.put("version", (long) VERSION);
        j.header.put("started", Instant.now().toString());
        j.header.put("status", "running");
        j.dirty = true;
        return j;
    }

    /** The journal of the last run, or null when there is none. Throws IOException when it cannot be read. */
    public static Journal load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException("the journal " + file + " is damaged: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> m) || !Long.valueOf(VERSION).equals(m.get("version"))) {
            throw new IOException("the journal " + file + " was written by another version of jplay");
        }
        Journal j = new Journal(file, file.getParent().getParent());
        j.read(cast(m));
        return j;
    }

    // ---- what the command asks

    public Path file() {
        return file;
    }

    /** A header value: "status" (running, failed, complete), "started", "exit", "files", "inventory", "options". */
    public Object header(String key) {
        synchronized (this) {
            return header.get(key);
        }
    }

    /** When the run started, as people read it. */
    public String started() {
        Object s = header("started");
        return s == null ? "?" : SHOWN.format(Instant.parse(s.toString()));
    }

    /** This journal continued by a resumed run: same records, new options, status running again. */
    public synchronized Journal resumedWith(Map<String, Object> newHeader) {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.putAll(newHeader);
        h.put("resumed", Instant.now().toString());
        h.put("status", "running");
        h.remove("exit");
        header = h;
        hosts.values().forEach(r -> r.status = "running");
        dirty = true;
        return this;
    }

    synchronized boolean hasRecords() {
        return !hosts.isEmpty();
    }

    public synchronized Set<String> hostNames() {
        return new LinkedHashSet<>(hosts.keySet());
    }

    /** A host's status: running (or interrupted), ok (finished), failed, unreachable; null when unknown. */
    public synchronized String status(String host) {
        HostRecord r = hosts.get(host);
        return r == null ? null : r.status;
    }

    /** The task a host stopped at ({@code file:line:col name (TASK [shown name])}), or null. */
    public synchronized String stoppedAt(String host) {
        HostRecord r = hosts.get(host);
        return r == null ? null : r.stoppedAt;
    }

    /** Completions of {@code task} in {@code play} on {@code host}. */
    synchronized int done(String host, String play, String task) {
        PlayRecord p = play(host, play, false);
        return p == null ? 0 : p.done.getOrDefault(task, 0);
    }

    synchronized boolean stateful(String host, String play, String task) {
        PlayRecord p = play(host, play, false);
        return p != null && p.stateful.contains(task);
    }

    /** The handlers a host notified in any play that never ran. */
    public synchronized List<String> pendingHandlers(String host) {
        HostRecord r = hosts.get(host);
        if (r == null) return List.of();
        Set<String> all = new LinkedHashSet<>();
        for (PlayRecord p : r.plays.values()) all.addAll(p.handlers);
        return List.copyOf(all);
    }

    synchronized List<String> pendingHandlers(String host, String play) {
        PlayRecord p = play(host, play, false);
        return p == null ? List.of() : List.copyOf(p.handlers);
    }

    // ---- what a run records

    /** The {@code n}-th execution of {@code task} on {@code host} completed (n counts from 1). */
    synchronized void completed(String host, String play, String task, int n, boolean makesState) {
        PlayRecord p = play(host, play, true);
        if (p.done.getOrDefault(task, 0) < n) p.done.put(task, n);
        if (makesState) p.stateful.add(task);
        changed();
    }

    synchronized void notified(String host, String play, Iterable<String> handlers) {
        PlayRecord p = play(host, play, true);
        for (String n : handlers) p.handlers.add(n);
        changed();
    }

    /** A handler known by {@code names} ran on {@code host}: every notification it answers is done. */
    synchronized void handlerRan(String host, String play, Set<String> names) {
        PlayRecord p = play(host, play, false);
        if (p != null && p.handlers.removeIf(names::contains)) changed();
    }

    /** Checksums of files loaded while the run went (dynamic includes), added to the header's "files". */
    @SuppressWarnings("unchecked")
    synchronized void addFiles(Map<String, String> more) {
        Map<String, Object> files = new java.util.TreeMap<>(header.get("files") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        if (files.keySet().containsAll(more.keySet())) return;
        files.putAll(more);
        header.put("files", files);
        changed();
    }

    synchronized void stopped(String host, String status, String at) {
        HostRecord r = hosts.computeIfAbsent(host, k -> new HostRecord());
        r.status = status;
        if (at != null) r.stoppedAt = at;
        changed();
    }

    /** The command is over: every host still "running" finished; the run's status follows its exit code. */
    public synchronized void finished(int exitCode) {
        for (HostRecord r : hosts.values()) {
            if (r.status.equals("running")) {
                r.status = "ok";
                r.stoppedAt = null;
            }
        }
        header.put("status", exitCode == 0 ? "complete" : "failed");
        header.put("exit", (long) exitCode);
        header.put("ended", Instant.now().toString());
        dirty = true;
        write();
    }

    /** Writes now if a change waits and the last write is old enough; the run calls it after each task. */
    synchronized void flushSoon() {
        if (dirty && System.currentTimeMillis() - lastWrite >= writeInterval(writeTook)) write();
    }

    /** Writes whatever changed. Returns the reason when the journal cannot be written (once), else null. */
    public synchronized String flush() {
        if (dirty) write();
        String e = writeError;
        writeError = null;
        return e;
    }

    /** A file's name in the journal: relative to the project directory (the first playbook's). */
    String relative(Path p) {
        return relative(base, p);
    }

    public static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    private void changed() {
        dirty = true;
        flushSoon();
    }

    private PlayRecord play(String host, String play, boolean create) {
        HostRecord h = create ? hosts.computeIfAbsent(host, k -> new HostRecord()) : hosts.get(host);
        if (h == null) return null;
        return create ? h.plays.computeIfAbsent(play, k -> new PlayRecord()) : h.plays.get(play);
    }

    /** The least time between two writes while a run goes, after a write that took {@code tookMs}. */
    static long writeInterval(long tookMs) {
        return Math.max(WRITE_EVERY_MS, WAIT_PER_WRITE * tookMs);
    }

    private void write() {
        if (hosts.isEmpty() && !Files.exists(file)) return;  // nothing to resume yet, and no earlier journal to replace
        long started = System.currentTimeMillis();
        Map<String, Object> doc = new LinkedHashMap<>(header);
        Map<String, Object> hs = new LinkedHashMap<>();
        hosts.forEach((name, r) -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("status", r.status);
            if (r.stoppedAt != null) h.put("stopped_at", r.stoppedAt);
            Map<String, Object> plays = new LinkedHashMap<>();
            r.plays.forEach((k, p) -> {
                Map<String, Object> pm = new LinkedHashMap<>();
                Map<String, Object> done = new LinkedHashMap<>();
                p.done.forEach((t, n) -> done.put(t, (long) n));
                pm.put("done", done);
                pm.put("stateful", new ArrayList<>(p.stateful));
                pm.put("handlers", new ArrayList<>(p.handlers));
                plays.put(k, pm);
            });
            h.put("plays", plays);
            hs.put(name, h);
        });
        doc.put("hosts", hs);
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            // a temporary file of its own: two runs of the same playbook (tests, a second terminal) share the journal
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, Json.write(doc, Json.Style.NICE) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            dirty = false;
        } catch (IOException e) {
            if (writeError == null) writeError = "cannot write the run journal " + file + ": " + e.getMessage();
            if (tmp != null) tmp.toFile().delete();
        }
        long now = System.currentTimeMillis();
        writeTook = now - started;
        lastWrite = now;
    }

    private void read(Map<String, Object> m) {
        for (var e : m.entrySet()) if (!e.getKey().equals("hosts")) header.put(e.getKey(), e.getValue());
        if (!(m.get("hosts") instanceof Map<?, ?> hs)) return;
        cast(hs).forEach((name, v) -> {
            Map<String, Object> h = cast(v);
            HostRecord r = new HostRecord();
            r.status = String.valueOf(h.getOrDefault("status", "running"));
            r.stoppedAt = h.get("stopped_at") == null ? null : h.get("stopped_at").toString();
            cast(h.getOrDefault("plays", Map.of())).forEach((k, pv) -> {
                Map<String, Object> pm = cast(pv);
                PlayRecord p = new PlayRecord();
                cast(pm.getOrDefault("done", Map.of())).forEach((t, n) -> p.done.put(t, ((Number) n).intValue()));
                for (Object s : (List<?>) pm.getOrDefault("stateful", List.of())) p.stateful.add(s.toString());
                for (Object s : (List<?>) pm.getOrDefault("handlers", List.of())) p.handlers.add(s.toString());
                r.plays.put(k, p);
            });
            hosts.put(name, r);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
