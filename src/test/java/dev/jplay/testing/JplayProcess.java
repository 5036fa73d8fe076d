package dev.jplay.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the jplay command line in a child JVM (the test class path), as a user would run it. */
public final class JplayProcess {
    private JplayProcess() {}

    /** What a run left: exit code and output (stdout then stderr). */
    public record Run(int exit, String out) {
        /** The PLAY RECAP line of {@code host}. */
        public String recap(String host) {
            return out.lines().filter(l -> l.startsWith(host + " ") && l.contains(" : ok=")).findFirst().orElse("(no recap for " + host + ")");
        }
    }

    public static Run run(Path cwd, String... args) throws IOException, InterruptedException {
        return run(cwd, Map.of(), new byte[0], args);
    }

    /** A run with more environment variables and {@code stdin} as its standard input. */
    public static Run run(Path cwd, Map<String, String> env, byte[] stdin, String... args) throws IOException, InterruptedException {
        Process p = start(cwd, command(args), env);
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes());
        return finish(p, out);
    }

    /**
     * Runs jplay on a terminal (a pseudo-terminal from util-linux's {@code script}) and, when its output shows
     * {@code prompt}, types {@code answer} and Enter, as a person at the terminal would.
     */
    public static Run runOnTerminal(Path cwd, String prompt, String answer, String... args) throws IOException, InterruptedException {
        return runOnTerminal(cwd, Map.of(), List.of(), List.of(Map.entry(prompt, answer)), args);
    }

    /**
     * Runs jplay on a terminal under {@code wrapper} (words before the java command, e.g. a tracer), answering each
     * prompt in turn when its output shows it.
     */
    public static Run runOnTerminal(Path cwd, Map<String, String> env, List<String> wrapper, List<Map.Entry<String, String>> answers,
                                    String... args) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder();
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(command(args));
        for (String a : cmd) line.append('\'').append(a.replace("'", "'\\''")).append("' ");
        Process p = start(cwd, List.of("script", "-qec", line.toString(), "/dev/null"), env);
        StringBuilder out = new StringBuilder();
        var in = p.getInputStream();
        int next = 0;
        int from = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            out.append((char) c);
            if (next < answers.size() && out.indexOf(answers.get(next).getKey(), from) >= 0) {
                p.getOutputStream().write((answers.get(next).getValue() + "\n").getBytes());
                p.getOutputStream().flush();
                from = out.length();
                next++;
            }
        }
        return finish(p, out.toString().replace("\r\n", "\n"));
    }

    /** A run under {@code wrapper} (words before the java command, e.g. a tracer) with more environment variables. */
    public static Run runWrapped(Path cwd, Map<String, String> env, List<String> wrapper, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(command(args));
        Process p = start(cwd, cmd, env);
        p.getOutputStream().close();
        return finish(p, new String(p.getInputStream().readAllBytes()));
    }

    /** Starts jplay and returns at once (to inject a fault or send a signal while it runs); stdin is empty. */
    public static Running start(Path cwd, String... args) throws IOException {
        // SIGINT back to its default: a test JVM started in the background by a non-interactive shell (a CI script,
        // nohup, flock ... &) passes on SIGINT ignored, and a JVM keeps ignoring a signal ignored at its start
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT"));
        cmd.addAll(command(args));
        Process p = start(cwd, cmd, Map.of());
        p.getOutputStream().close();
        return new Running(p);
    }

    /** A jplay process still running; its output is collected as it comes. */
    public static final class Running {
        private final Process process;
        private final CompletableFuture<String> out;

        Running(Process process) {
            this.process = process;
            this.out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes());
                } catch (IOException e) {
                    return "(output lost: " + e.getMessage() + ")";
                }
            });
        }

        public long pid() {
            return process.pid();
        }

        /** Waits for the end (at most 5 minutes) and returns what the run left. */
        public Run await() throws IOException, InterruptedException {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jplay did not finish: " + out.getNow("(no output yet)"));
            }
            try {
                return new Run(process.exitValue(), out.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("jplay's output could not be read", e);
            }
        }
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process start(Path cwd, List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Run finish(Process p, String out) throws IOException, InterruptedException {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jplay did not finish: " + out);
        }
        return new Run(p.exitValue(), out);
    }
}
