package dev.jplay.cli;

import dev.jplay.exec.Fingerprints;
import dev.jplay.exec.Journal;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.TagSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.TreeSet;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The run journal of a playbook command and {@code --resume}: a run starts a new journal; {@code --resume}
 * continues the last one unless it completed, or the playbook's files, the inventory or the task selection
 * ({@code --tags}, {@code --skip-tags}) changed since ({@code --resume=force} resumes anyway). Check-mode runs
 * keep no journal. See docs/resume.md.
 */
final class Resumption {
    /** How the command goes on: with this journal (null: none), resuming or not; or stopping with {@code exit}. */
    record Start(Journal journal, boolean resuming, Integer exit, Thread flushOnExit) {}

    private Resumption() {}

    /** {@code --resume} takes no value, or {@code force} attached or next: {@code --resume site.yml} is not a value. */
    static final class Flag implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec spec, CommandSpec command) {
            spec.setValue(!args.isEmpty() && args.peek().equals("force") ? args.pop() : "yes");
        }
    }

    /** The question a resume answers before anything runs; {@code resume}: null, "yes" or "force". */
    record Request(String resume, List<Playbook> playbooks, List<String> inventorySources, Path cwd, TagSelection tags,
                   String limit, boolean check, String startAtTask) {}

    static Start begin(Request q, Output out) {
        if (q.resume() != null && q.check()) return stop("--resume cannot be used with --check (a check run changes nothing to resume)");
        if (q.resume() != null && q.startAtTask() != null) return stop("--resume cannot be used with --start-at-task: the journal says where each host starts");
        if (q.check()) return new Start(null, false, null, null);
        List<Path> files = q.playbooks().stream().map(pb -> pb.file().toAbsolutePath().normalize()).toList();
        Path file = Journal.fileFor(files);
        Map<String, Object> header = header(q, file);
        Journal journal;
        boolean resuming = false;
        if (q.resume() == null) {
            journal = Journal.fresh(file, header);
        } else {
            Journal last;
            try {
                last = Journal.load(file);
            } catch (IOException e) {
                return stop("cannot resume: " + e.getMessage());
            }
            if (last == null) return stop("nothing to resume: no earlier run of " + names(files) + " has a journal (" + file + ")");
            if ("complete".equals(last.header("status"))) {
                out.on(new Event.Text("Nothing to resume: the run of " + names(files) + " started " + last.started() + " completed.\n"));
                return new Start(null, false, ExitCodes.OK, null);
            }
            String changed = changes(last, header);
            if (changed != null && !q.resume().equals("force")) {
                return stop("cannot resume the run of " + names(files) + " started " + last.started() + ": " + changed
                        + " since; run it again without --resume, or resume anyway with --resume=force");
            }
            if (changed != null) out.on(new Event.Warning("resuming although " + changed + " (--resume=force)"));
            out.on(new Event.Text(summary(last, names(files))));
            journal = last.resumedWith(header);
            resuming = true;
        }
        String unwritable = journal.flush();
        if (unwritable != null) out.on(new Event.Warning(unwritable + "; this run cannot be resumed"));
        Thread hook = new Thread(journal::flush, "jplay-journal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Start(journal, resuming, null, hook);
    }

    /** After the last playbook: the journal says how the run ended. */
    static void end(Start s, int exitCode, Output out) {
        if (s.journal() == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(s.flushOnExit());
        } catch (IllegalStateException shuttingDown) {
            // the hook flushes
        }
        s.journal().finished(exitCode);
        String unwritable = s.journal().flush();
        if (unwritable != null) out.on(new Event.Warning(unwritable));
    }

    private static Start stop(String message) {
        System.err.println("ERROR! " + message);
        return new Start(null, false, ExitCodes.ERROR, null);
    }

    private static Map<String, Object> header(Request q, Path journalFile) {
        Path base = journalFile.getParent().getParent();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("playbooks", q.playbooks().stream().map(pb -> Journal.relative(base, pb.file())).toList());
        h.put("files", new LinkedHashMap<>(Fingerprints.files(Fingerprints.playbookSources(q.playbooks()), p -> Journal.relative(base, p))));
        List<Path> dirs = q.playbooks().stream().map(pb -> pb.file().toAbsolutePath().getParent()).distinct().toList();
        h.put("inventory", new LinkedHashMap<>(Fingerprints.inventory(q.inventorySources(), q.cwd(), dirs)));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tags", new ArrayList<>(new TreeSet<>(q.tags().only())));
        o.put("skip_tags", new ArrayList<>(new TreeSet<>(q.tags().skip())));
        o.put("limit", q.limit());
        h.put("options", o);
        return h;
    }

    /** What changed since the journal was written, or null: a file of the playbook, the inventory, the tags. */
    @SuppressWarnings("unchecked")
    static String changes(Journal last, Map<String, Object> now) {
        Map<String, Object> before = (Map<String, Object>) last.header("files");
        Map<String, Object> files = (Map<String, Object>) now.get("files");
        if (before == null) return "the journal lists no files";
        Path base = last.file().getParent().getParent();
        for (var e : before.entrySet()) {
            String current = files.containsKey(e.getKey()) ? String.valueOf(files.get(e.getKey()))
                    : Fingerprints.files(List.of(base.resolve(e.getKey())), p -> e.getKey()).get(e.getKey());
            if (!current.equals(e.getValue())) return e.getKey() + " changed";
        }
        for (String f : files.keySet()) if (!before.containsKey(f)) return "the playbook now also loads " + f;
        if (!now.get("inventory").equals(last.header("inventory"))) return "the inventory changed";
        Map<String, Object> o = (Map<String, Object>) now.get("options");
        Map<String, Object> lo = (Map<String, Object>) last.header("options");
        for (String k : List.of("tags", "skip_tags")) {
            if (lo == null || !String.valueOf(o.get(k)).equals(String.valueOf(lo.get(k)))) {
                return "--" + k.replace('_', '-') + " changed (it was " + (lo == null ? "?" : lo.get(k)) + ")";
            }
        }
        return null;
    }

    private static String summary(Journal j, String names) {
        StringBuilder sb = new StringBuilder("\nRESUMING the run of " + names + " started " + j.started()
                + (j.header("exit") != null ? " (exit " + j.header("exit") + ")" : " (interrupted)") + "\n");
        List<String> done = new ArrayList<>();
        for (String h : j.hostNames()) {
            String status = j.status(h);
            if ("ok".equals(status)) {
                done.add(h);
                continue;
            }
            sb.append("  ").append(h).append(": ").append(status.equals("running") ? "interrupted" : status);
            if (j.stoppedAt(h) != null) sb.append(" at ").append(j.stoppedAt(h));
            List<String> pending = j.pendingHandlers(h);
            if (!pending.isEmpty()) sb.append("; handlers to run first: ").append(String.join(", ", pending));
            sb.append('\n');
        }
        if (!done.isEmpty()) sb.append("  ").append(String.join(", ", done)).append(": finished\n");
        sb.append("  tasks a host completed are skipped; tasks that register or set variables run again\n");
        return sb.toString();
    }

    private static String names(List<Path> files) {
        return String.join(" ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
