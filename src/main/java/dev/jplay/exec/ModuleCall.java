package dev.jplay.exec;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleContext;
import dev.jplay.output.Event;
import dev.jplay.playbook.ControllerFiles;
import dev.jplay.playbook.Task;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.vars.VarScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link ModuleContext} of one task on one host: its connection, settings, variables and controller files. */
final class ModuleCall implements ModuleContext {
    private final Engine engine;
    private final String host;
    private final Task task;
    private final VarScope scope;
    private final Targets.Resolved resolved;
    private final boolean check;
    private final boolean diff;
    private final Duration timeout;
    private final Map<String, String> environment;
    private Connection connection;
    private boolean noLog;

    ModuleCall(Engine engine, String host, Task task, VarScope scope, Targets.Resolved resolved, boolean check, boolean diff,
               Duration timeout, Map<String, String> environment, Connection connection) {
        this.engine = engine;
        this.host = host;
        this.task = task;
        this.scope = scope;
        this.resolved = resolved;
        this.check = check;
        this.diff = diff;
        this.timeout = timeout;
        this.environment = environment;
        this.connection = connection;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public Connection connection() {
        if (connection == null) throw new IllegalStateException("module " + task.action() + " runs on the controller and has no connection");
        return connection;
    }

    @Override
    public Become become() {
        return resolved.become();
    }

    @Override
    public boolean check() {
        return check;
    }

    @Override
    public boolean diff() {
        return diff;
    }

    @Override
    public int verbosity() {
        return engine.options().mode().verbosity();
    }

    @Override
    public boolean noLog() {
        return noLog;
    }

    /** This call with the task's {@code no_log}. */
    ModuleCall withNoLog(boolean value) {
        noLog = value;
        return this;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Decrypter vault() {
        return engine.vars().vault();
    }

    @Override
    public Path findFile(String name, String kind) {
        return ControllerFiles.find(name, kind, searchBases(task, engine));
    }

    /** Controller directories searched for files: the role, the task file's directory, the playbook directory. */
    static List<Path> searchBases(Task task, Engine engine) {
        return ControllerFiles.bases(task.role(), task.dir(), engine.playbookDir());
    }

    @Override
    public String renderTemplate(Path template) {
        return renderTemplate(template, java.util.Map.of());
    }

    @Override
    public String renderTemplate(Path template, java.util.Map<String, Object> jinjaOptions) {
        Map<String, Object> extra = engine.templar().templateVars(template, null);
        List<Path> paths = new ArrayList<>();
        paths.add(template.toAbsolutePath().getParent());
        paths.addAll(scope.searchPaths());
        VarScope s = scope.with(extra);
        return engine.templar().renderFile(template, new dev.jplay.template.TemplateContext(s, paths, Loc.of(template.toString())),
                jinjaOptions);
    }

    @Override
    public Object evaluate(String expression) {
        return engine.templar().evaluate(expression, scope.context(task.loc()));
    }

    @Override
    public java.util.Optional<Object> setting(String name) {
        return engine.templar().setting(name);
    }

    @Override
    public Object template(String text) {
        return engine.templar().template(text, scope.context(task.loc()));
    }

    @Override
    public boolean condition(Object conditional) {
        return engine.templar().condition(conditional, scope.context(task.loc()));
    }

    @Override
    public void warn(String message) {
        engine.output().on(new Event.Warning(message));
    }

    @Override
    public String ask(String prompt, boolean echo) {
        String name = task.name() == null ? task.action() : dev.jplay.data.Py.str(engine.templar().template(task.name(), scope.context(task.loc())));
        String label = task.role() == null ? name : task.role().name() + " : " + name;
        return engine.prompter().ask("[" + label + "]\n" + prompt + ":", echo);
    }

    @Override
    public Loc loc() {
        return task.loc();
    }

    @Override
    public void reconnect(Duration within) throws ConnectionException {
        connection = engine.connections().reconnect(resolved.target(), within);
    }
}
