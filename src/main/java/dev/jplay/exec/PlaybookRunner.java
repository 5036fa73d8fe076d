package dev.jplay.exec;

import dev.jplay.connection.Connections;
import dev.jplay.connection.ShellCommand;
import dev.jplay.data.Py;
import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Playbook;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.playbook.TagSelection;
import dev.jplay.source.Decrypter;
import dev.jplay.template.Templar;
import dev.jplay.vars.HostState;
import dev.jplay.vars.PlayVars;
import dev.jplay.vars.RunVars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a loaded playbook: for each play selects its hosts (pattern, {@code --limit}, {@code order}, hosts that
 * failed earlier left out), asks {@code vars_prompt}, runs it, and finally reports the recap and the exit code.
 */
public final class PlaybookRunner {
    private final RunOptions options;
    private final Inventory inventory;
    private final Output output;
    private final Connections connections;
    private final ModuleRegistry modules;
    private final Templar templar;
    private final Prompter prompter;
    private final Decrypter vault;
    private final Map<String, HostState> hostStates;
    private final Journal journal;
    private final boolean resuming;
    private final Planner plan;

    public PlaybookRunner(RunOptions options, Inventory inventory, Output output, Connections connections, ModuleRegistry modules,
                          Templar templar, Prompter prompter, Decrypter vault) {
        this(options, inventory, output, connections, modules, templar, prompter, vault, null, null, false, null);
    }

    private PlaybookRunner(RunOptions options, Inventory inventory, Output output, Connections connections, ModuleRegistry modules,
                           Templar templar, Prompter prompter, Decrypter vault, Map<String, HostState> hostStates, Journal journal,
                           boolean resuming, Planner plan) {
        this.hostStates = hostStates;
        this.journal = journal;
        this.resuming = resuming;
        this.plan = plan;
        this.options = options;
        this.inventory = inventory;
        this.output = output;
        this.connections = connections;
        this.modules = modules;
        this.templar = templar;
        this.prompter = prompter;
        this.vault = vault;
    }

    /**
     * This runner keeping each host's facts, {@code set_fact} values and registered results in {@code states}, a
     * concurrent map that successive runs share (the console: what one command learns, the next one sees).
     */
    public PlaybookRunner keepingHostStates(Map<String, HostState> states) {
        return new PlaybookRunner(options, inventory, output, connections, modules, templar, prompter, vault, states, journal, resuming, plan);
    }

    /**
     * This runner recording its progress in {@code journal}; {@code resuming}: continuing the run the journal
     * recorded (completed tasks skipped, pending handlers run first, see {@link Progress}).
     */
    public PlaybookRunner journalling(Journal journal, boolean resuming) {
        return new PlaybookRunner(options, inventory, output, connections, modules, templar, prompter, vault, hostStates, journal, resuming, plan);
    }

    /**
     * This runner as {@code jplay plan} runs: in check and diff mode whatever tasks say, outcomes classified by
     * {@code planner}, its summary before the recap and its exit code.
     */
    public PlaybookRunner planning(Planner planner) {
        RunOptions o = options.with(new Mode(true, true, options.mode().verbosity())).withoutRetryFiles();
        return new PlaybookRunner(o, inventory, output, connections, modules, templar, prompter, vault, hostStates, journal, resuming, planner);
    }

    public RunResult run(Playbook pb, PlaybookLoader loader) {
        long start = System.nanoTime();
        String omit = "__omit_place_holder__" + ShellCommand.token();
        RunVars vars = hostStates == null ? new RunVars(inventory, pb.file().getParent(), options.extraVars(), runMagic(pb, omit), templar, vault)
                : new RunVars(inventory, pb.file().getParent(), options.extraVars(), runMagic(pb, omit), templar, vault, hostStates);
        ConnectionCheck.check(pb, inventory, vars, options, w -> output.on(new Event.Warning(w)));
        FactCaching.start(options, inventory, vars);
        Stats stats = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.policy().forks()), r -> {
            Thread t = new Thread(r, "jplay-worker");
            t.setDaemon(true);
            return t;
        });
        Engine e = new Engine(options, output, connections, modules, loader, templar, vars, prompter, stats,
                pb.file().getParent(), omit, pool, new TagSelection(options.selection().tags(), options.selection().skipTags()),
                new RunState(options.selection().startAtTask() != null, options.selection().step(), new Progress(journal, resuming)), plan);
        try {
            output.on(new Event.PlaybookStarted(pb.file().toString(), options.mode().check(), options.mode().diff()));
            output.on(new Event.Verbose(pb.plays().size() + " plays in " + shownPath(pb.file()), 2, null));
            for (Play play : pb.plays()) {
                if (runPlay(e, play)) break;
            }
        } catch (RunAbort ex) {
            output.on(new Event.Error("ERROR! " + ex.getMessage()));
            output.on(new Event.PlaybookEnded(Duration.ofNanos(System.nanoTime() - start), 1));
            return new RunResult(stats.snapshot(new ArrayList<>(stats.hosts())), 1);
        } finally {
            e.state().jobs.awaitAll(msg -> output.on(new Event.Warning(msg)));
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        e.state().progress.ended(e.state().failed, e.state().unreachable);
        List<String> order = new ArrayList<>(stats.hosts());
        Collections.sort(order);
        var recap = stats.snapshot(order);
        writeRetryFile(pb, e);
        // from the hosts' state, not the recap: meta clear_host_errors leaves failed=1 in the recap and exit code 0 (Ansible)
        int code = !e.state().unreachable.isEmpty() ? 4 : !e.state().failed.isEmpty() ? 2 : 0;
        if (plan != null) {
            code = plan.exitCode(code);
            output.on(plan.summary(order, code));
        }
        output.on(new Event.Recap(recap, List.of(), stats.custom().snapshot()));
        output.on(new Event.PlaybookEnded(Duration.ofNanos(System.nanoTime() - start), code));
        return new RunResult(recap, code);
    }

    /** A playbook's path as the user probably wrote it: relative to the working directory when it is below it. */
    private String shownPath(Path file) {
        Path cwd = options.cwd() == null ? Path.of("").toAbsolutePath() : options.cwd();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** Returns true when the playbook must stop. */
    private boolean runPlay(Engine e, Play play) {
        PlayVars pv = new PlayVars(e.vars(), play);
        var scope = pv.playScope();
        Object templated = templar.template(play.hosts(), scope.context(play.loc()));
        // a template may give a list (from JSON extra vars): its hosts joined as one pattern, as Ansible does
        String pattern = templated instanceof List<?> l ? String.join(",", l.stream().map(Py::str).toList()) : Py.str(templated);
        List<String> all = selectHosts(pattern);
        // in the play's order; hosts that failed or were unreachable in earlier plays take no part (they stay in
        // ansible_play_hosts_all, which is in inventory order)
        List<String> hosts = ordered(play, all, scope).stream()
                .filter(h -> !e.state().failed.contains(h) && !e.state().unreachable.contains(h)).toList();
        pv.setHosts(all, hosts);
        pv.setPrompted(Prompts.ask(play, prompter, templar, pv, output));
        String name = play.name() == null ? Py.str(templated) : Py.str(templar.template(play.name(), pv.playScope().context(play.loc())));
        if (hosts.isEmpty()) {
            output.on(new Event.PlayStarted(name, pattern, hosts));
            output.on(new Event.NoHostsMatched(pattern));
            return false;
        }
        for (String w : ReservedNames.warnings(pv.playScope().names())) output.on(new Event.Warning(w));
        return new PlayRun(e, play, pv, all).run(hosts, name, pattern);
    }

    /** The play's hosts (after --limit). */
    private List<String> selectHosts(String pattern) {
        List<Host> matched = inventory.select(pattern, w -> output.on(new Event.Warning(w)));
        if (options.selection().limit() != null) {
            Set<String> allowed = new java.util.HashSet<>();
            for (Host h : inventory.select(options.selection().limit(), w -> { })) allowed.add(h.name());
            matched = matched.stream().filter(h -> allowed.contains(h.name())).toList();
        }
        return matched.stream().map(Host::name).toList();
    }

    private List<String> ordered(Play play, List<String> hosts, dev.jplay.vars.VarScope scope) {
        List<String> names = new ArrayList<>(hosts);
        String order = play.order() == null ? "inventory" : Py.str(templar.template(play.order(), scope.context(play.loc())));
        switch (order) {
            case "inventory" -> { }
            case "reverse_inventory" -> Collections.reverse(names);
            case "sorted" -> Collections.sort(names);
            case "reverse_sorted" -> names.sort(Collections.reverseOrder());
            case "shuffle" -> Collections.shuffle(names);
            default -> throw new RunAbort("Invalid 'order' specified for inventory hosts: " + order);
        }
        return names;
    }

    private Map<String, Object> runMagic(Playbook pb, String omit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("omit", omit);
        m.put("playbook_dir", pb.file().getParent().toString());
        m.put("ansible_check_mode", options.mode().check());
        m.put("ansible_diff_mode", options.mode().diff());
        m.put("ansible_verbosity", (long) options.mode().verbosity());
        m.put("ansible_forks", (long) options.policy().forks());
        m.put("ansible_run_tags", List.copyOf(options.selection().tags()));
        m.put("ansible_skip_tags", List.copyOf(options.selection().skipTags()));
        if (options.selection().limit() != null) m.put("ansible_limit", options.selection().limit()); // as load_options_vars: only when given
        m.put("ansible_version", Map.of("full", "2.14.18", "major", 2L, "minor", 14L, "revision", 18L, "string", "2.14.18"));
        m.put("ansible_inventory_sources", inventory.sourceDirs().stream().map(Path::toString).toList());
        return m;
    }

    private void writeRetryFile(Playbook pb, Engine e) {
        if (options.retryDir() == null) return;
        List<String> retry = new ArrayList<>(e.state().failed);
        retry.addAll(e.state().unreachable);
        if (retry.isEmpty()) return;
        Collections.sort(retry);
        String base = pb.file().getFileName().toString().replaceAll("\\.ya?ml$", "");
        Path file = options.retryDir().resolve(base + ".retry");
        try {
            Files.write(file, (String.join("\n", retry) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            output.on(new Event.Text("\tto retry, use: --limit @" + file + "\n"));
        } catch (IOException ex) {
            output.on(new Event.Warning("Could not create retry file '" + file + "'. " + ex.getMessage()));
        }
    }
}
