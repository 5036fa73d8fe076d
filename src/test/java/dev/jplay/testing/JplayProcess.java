package dev.jplay.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.jplay.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().remove("SSH_AUTH_SOCK");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jplay did not finish: " + out);
        }
        return new Run(p.exitValue(), out);
    }
}
