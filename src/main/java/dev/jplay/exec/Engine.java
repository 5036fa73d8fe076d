package dev.jplay.exec;

import dev.jplay.playbook.TagSelection;
import dev.jplay.connection.Connections;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.output.Output;
import dev.jplay.playbook.PlaybookLoader;
import dev.jplay.template.Templar;
import dev.jplay.vars.RunVars;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * The services of one run, shared by plays, strategies and task runners: options, output, connections, modules,
 * the loader (for dynamic includes), templates, variables, the prompter, the recap counters and the worker pool
 * ({@code forks} threads). {@code omit} is the run's omit placeholder; {@code plan} classifies outcomes for
 * {@code jplay plan} (null in other runs).
 */
record Engine(RunOptions options, Output output, Connections connections, ModuleRegistry modules, PlaybookLoader loader,
              Templar templar, RunVars vars, Prompter prompter, Stats stats, Path playbookDir, String omit,
              ExecutorService pool, TagSelection tags, RunState state, Planner plan) {}
