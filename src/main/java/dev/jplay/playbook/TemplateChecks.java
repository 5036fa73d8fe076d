package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleRegistry;
import dev.jplay.modules.Param;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.YamlList;
import dev.jplay.source.YamlMap;
import dev.jplay.template.TemplateCheck;
import dev.jplay.template.TemplateException;
import dev.jplay.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The templates of a task, checked while loading ({@link Templar#check}): its arguments (and the {@code .j2} file of a
 * {@code template} task with a literal {@code src}), name, keywords, loop and conditions. A finding that makes
 * rendering fail whenever it happens (a syntax error, an unknown filter or test: Jinja2 compiles a whole template
 * before it runs it) is a problem of the task; one that fails only if that part is evaluated (a lookup, a
 * collection's filter or test), or that sits in {@code vars} (evaluated only if used), is an advisory: a warning
 * before the run.
 */
final class TemplateChecks {
    /** One finding: {@code certain} when rendering the text always fails. */
    record Finding(SourceException error, boolean certain) {}

    private static final Set<String> CONDITIONS = Set.of("when", "changed_when", "failed_when", "until");
    private static final Set<String> NOT_TEMPLATED_KEYS = Set.of("notify", "listen", "register", "tags", "vars", "args",
            "loop_control", "block", "rescue", "always");

    /**
     * When a task's template is evaluated, which decides when a mistake in it is certain to fail the task: its own
     * {@code when} first ({@code WHEN}: it fails whenever the task is reached, if no enclosing block or include adds a
     * condition before it), then its loop ({@code LOOP}: whenever the conditions pass), then everything else, once
     * per loop item ({@code BODY}).
     */
    enum Stage { WHEN, LOOP, BODY }

    private final Templar templar;
    private final ModuleRegistry registry;
    private final Consumer<SourceException> advisories;
    private final Map<SourceException, Stage> stages = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    TemplateChecks(Templar templar, ModuleRegistry registry, Consumer<SourceException> advisories) {
        this.templar = templar;
        this.registry = registry;
        this.advisories = advisories;
    }

    /** When the template of problem {@code p} is evaluated ({@code BODY} for problems not found here). */
    Stage stage(SourceException p) {
        return stages.getOrDefault(p, Stage.BODY);
    }

    /** The problems of the task written as {@code ds}, whose action was read as {@code a}. */
    List<SourceException> task(Map<String, Object> ds, TaskParser.Action a, LoadContext ctx) {
        List<SourceException> problems = new ArrayList<>();
        Consumer<Finding> sink = f -> {
            if (f.certain()) problems.add(f.error().as(Kind.TASK));
            else advisories.accept(f.error().as(Kind.TASK));
        };
        for (var e : ds.entrySet()) {
            String k = e.getKey();
            Loc at = Raw.valueLoc(ds, k);
            Stage stage = k.equals("when") && ctx.when().isEmpty() ? Stage.WHEN
                    : k.equals("loop") || k.startsWith("with_") ? Stage.LOOP : Stage.BODY;
            Consumer<Finding> staged = stage == Stage.BODY ? sink : f -> {
                sink.accept(f);
                if (f.certain()) stages.put(problems.get(problems.size() - 1), stage);
            };
            if (CONDITIONS.contains(k)) conditions(e.getValue(), at, staged);
            else if (k.equals("vars")) values(e.getValue(), at, f -> advisories.accept(f.error().as(Kind.TASK)));
            else if (k.equals("name")) values(e.getValue(), at, f -> staged.accept(f.certain() ? new Finding(plain(f.error()), true) : f));
            else if (!k.equals(a.key()) && !NOT_TEMPLATED_KEYS.contains(k)) values(e.getValue(), at, staged);
        }
        arguments(a, sink);
        templateFile(a, ctx, sink);
        return problems;
    }

    /** The same mistake, failing the task itself: the run templates a task's name only to show it (leniently). */
    private static SourceException plain(SourceException e) {
        return e instanceof ReportedByRun ? new TemplateException(e.getMessage(), e.loc(), e.hint()) : e;
    }

    /** Play or block vars: evaluated only when used, so findings are advisories. */
    void vars(Map<String, Object> vars, Loc at) {
        values(vars, at, f -> advisories.accept(f.error().as(Kind.TASK)));
    }

    private void arguments(TaskParser.Action a, Consumer<Finding> sink) {
        Module m = registry.find(a.module());
        for (var e : a.args().entrySet()) {
            String k = e.getKey();
            Loc at = a.located() instanceof YamlMap ym && ym.containsKey(k) ? ym.valueLoc(k) : a.loc();
            Param p = m == null ? null : m.spec().paramsByName().get(k);
            if (p != null && !p.templated()) continue;
            boolean condition = (a.module().equals("assert") && (k.equals("that") || k.equals("conditions")))
                    || (a.module().equals("debug") && k.equals("var"));
            if (a.located() instanceof YamlMap ym && ym.containsKey(k)) text(k, ym.keyLoc(k)).forEach(sink); // set_fact: {"{{ x": 1}
            if (condition) conditions(e.getValue(), at, sink);
            else values(e.getValue(), at, sink);
        }
    }

    /** The {@code .j2} file of a {@code template} task with a literal {@code src}, found as the template module finds it. */
    private void templateFile(TaskParser.Action a, LoadContext ctx, Consumer<Finding> sink) {
        if (!a.module().equals("template") || !(a.args().get("src") instanceof String src) || Templar.isTemplate(src)) return;
        Path file = ControllerFiles.find(src, "templates", ControllerFiles.bases(ctx.role(), ctx.dir(), ctx.playbookDir()));
        if (file == null || !Files.isRegularFile(file)) return;
        Map<String, Object> options = syntaxOptions(a.args());
        if (options != null) findings(templar.checkFile(file, options)).forEach(sink);
    }

    private void conditions(Object v, Loc at, Consumer<Finding> sink) {
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) conditions(l.get(i), l instanceof YamlList yl ? yl.itemLoc(i) : at, sink);
        } else if (v instanceof CharSequence s) {
            findings(templar.checkCondition(s.toString(), at)).forEach(sink);
        }
    }

    private void values(Object v, Loc at, Consumer<Finding> sink) {
        if (v instanceof CharSequence s) {
            text(s.toString(), at).forEach(sink);
        } else if (v instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String k = Py.str(e.getKey());
                Loc kl = m instanceof YamlMap ym ? ym.keyLoc(k) : at;
                text(k, kl).forEach(sink);
                values(e.getValue(), m instanceof YamlMap ym ? ym.valueLoc(k) : at, sink);
            }
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) values(l.get(i), l instanceof YamlList yl ? yl.itemLoc(i) : at, sink);
        }
    }

    /** The findings in text that may hold {@code {{ }}} or {@code {% %}} ({@code at}: where the text starts). */
    List<Finding> text(String text, Loc at) {
        return findings(templar.check(text, at));
    }

    static List<Finding> findings(TemplateCheck c) {
        if (c.error() != null) return List.of(new Finding(c.error(), true));
        List<Finding> out = new ArrayList<>();
        for (TemplateCheck.Use u : c.unknown()) {
            boolean certain = u.kind() != TemplateCheck.Kind.LOOKUP && u.direct() && !u.name().contains(".");
            out.add(new Finding(certain ? new ReportedByRun(u.message(), u.loc(), u.hint())
                    : new TemplateException(u.message(), u.loc(), u.hint()), certain));
        }
        return out;
    }

    /** The template module's Jinja2 options among a task's arguments (none when one is still a template). */
    private static Map<String, Object> syntaxOptions(Map<String, Object> args) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (var e : args.entrySet()) {
            if (SYNTAX_OPTIONS.contains(e.getKey())) {
                if (Templar.isTemplate(e.getValue())) return null;
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static final Set<String> SYNTAX_OPTIONS = Set.of("trim_blocks", "lstrip_blocks", "newline_sequence", "block_start_string",
            "block_end_string", "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string");
}
