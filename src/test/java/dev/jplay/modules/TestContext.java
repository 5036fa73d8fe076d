package dev.jplay.modules;

import dev.jplay.connection.Become;
import dev.jplay.connection.Connection;
import dev.jplay.connection.LocalConnection;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ModuleContext} for module tests: a real connection (local by default), a controller directory that
 * {@link #findFile} searches (as a role/playbook dir with {@code files/} and {@code templates/}), and switches
 * for check and diff mode. Runs modules through the same validation path the executor uses.
 */
public final class TestContext implements ModuleContext {
    private final Connection connection;
    private Path controllerDir;
    private boolean check;
    private boolean diff;
    private Become become;
    private Duration timeout;
    private Map<String, String> environment = Map.of();
    private Function<Path, String> templateRenderer = p -> {
        throw new UnsupportedOperationException("no template renderer in this test");
    };
    private Function<String, Object> evaluator = e -> {
        throw new UnsupportedOperationException("no evaluator in this test");
    };
    private final List<String> warnings = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private java.util.Deque<String> answers;
    private Decrypter vault = Decrypter.NONE;
    private Map<String, Object> settings = Map.of();

    public TestContext(Connection connection) {
        this.connection = connection;
    }

    public static TestContext local() {
        return new TestContext(new LocalConnection("localhost"));
    }

    /** Ansible's settings by name, as {@link #setting} gives them to the module. */
    public TestContext settings(Map<String, Object> s) {
        settings = s;
        return this;
    }

    @Override
    public java.util.Optional<Object> setting(String name) {
        return java.util.Optional.ofNullable(settings.get(name));
    }

    public TestContext vault(Decrypter v) {
        vault = v;
        return this;
    }

    @Override
    public Decrypter vault() {
        return vault;
    }

    public TestContext controllerDir(Path dir) {
        controllerDir = dir;
        return this;
    }

    /** Answers the module's prompts with these lines, in order, as if typed on a terminal (none: no terminal). */
    public TestContext answers(String... lines) {
        answers = new java.util.ArrayDeque<>(List.of(lines));
        return this;
    }

    /** The prompts the module showed. */
    public List<String> asked() {
        return asked;
    }

    @Override
    public String ask(String prompt, boolean echo) {
        asked.add(prompt);
        return answers == null ? null : answers.poll();
    }

    public TestContext check(boolean on) {
        check = on;
        return this;
    }

    public TestContext diff(boolean on) {
        diff = on;
        return this;
    }

    public TestContext become(Become b) {
        become = b;
        return this;
    }

    public TestContext timeout(Duration t) {
        timeout = t;
        return this;
    }

    public TestContext environment(Map<String, String> env) {
        environment = env;
        return this;
    }

    public TestContext templateRenderer(Function<Path, String> f) {
        templateRenderer = f;
        return this;
    }

    public TestContext evaluator(Function<String, Object> f) {
        evaluator = f;
        return this;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Validates {@code args} against the module's spec (as the executor does) and runs it; returns the registered map. */
    public Map<String, Object> run(Module module, Map<String, Object> args) throws Exception {
        ArgConverter.check(module.spec(), args);
        ModuleArgs converted = ArgConverter.convert(module.spec(), new LinkedHashMap<>(args));
        return module.run(converted, this).toMap();
    }

    @Override
    public String host() {
        return connection.host();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Become become() {
        return become;
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
        return 0;
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
    public Path findFile(String name, String kind) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        if (controllerDir == null) return null;
        for (Path c : List.of(controllerDir.resolve(kind).resolve(name), controllerDir.resolve(name))) {
            if (Files.exists(c)) return c;
        }
        return null;
    }

    @Override
    public String renderTemplate(Path template) {
        return templateRenderer.apply(template);
    }

    @Override
    public Object evaluate(String expression) {
        return evaluator.apply(expression);
    }

    @Override
    public boolean condition(Object conditional) {
        return Boolean.TRUE.equals(evaluator.apply(String.valueOf(conditional)));
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public Loc loc() {
        return Loc.UNKNOWN;
    }

    @Override
    public void reconnect(Duration within) {
        // local: nothing to reconnect
    }
}
