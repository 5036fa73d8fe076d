package dev.jplay.modules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.connection.LocalConnection;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import dev.jplay.testing.Needs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pip module with the host's Python: a virtualenv made by {@code python3 -m venv} in a temp dir, packages from
 * wheels built here (pip runs offline: PIP_NO_INDEX, PIP_FIND_LINKS). Results as ansible-playbook 2.14 gave them for
 * the same steps.
 */
class PipTest {
    @TempDir
    Path dir;
    String venv;
    final Pip pip = new Pip();

    @BeforeEach
    void setUp() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import venv, ensurepip").start();
        Needs.that(p.waitFor() == 0, "needs /usr/bin/python3 with venv and ensurepip (apt-get install python3-venv; ./test installs it)");
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        wheel(wheels, "1.0");
        wheel(wheels, "2.0");
        venv = dir.resolve("venv").toString();
    }

    private static void wheel(Path dir, String v) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("jplaydemo/__init__.py", "V = '" + v + "'\n");
        String info = "jplaydemo-" + v + ".dist-info/";
        files.put(info + "METADATA", "Metadata-Version: 2.1\nName: jplaydemo\nVersion: " + v + "\n");
        files.put(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: jplay-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, String> e : files.entrySet()) {
            byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
            String h = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(b));
            record.append(e.getKey()).append(",sha256=").append(h).append(',').append(b.length).append('\n');
        }
        files.put(info + "RECORD", record + info + "RECORD,,\n");
        try (OutputStream o = Files.newOutputStream(dir.resolve("jplaydemo-" + v + "-py3-none-any.whl")); ZipOutputStream z = new ZipOutputStream(o)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    /** The connection of the last {@link #ctx()}: {@link #run} counts its round trips. */
    private CountingConnection conn;

    private TestContext ctx() {
        conn = new CountingConnection(new LocalConnection("localhost"));
        return new TestContext(conn).environment(Map.of("PIP_NO_INDEX", "1", "PIP_FIND_LINKS", dir.resolve("wheels").toString(),
                "PIP_DISABLE_PIP_VERSION_CHECK", "1"));
    }

    private Map<String, Object> run(TestContext ctx, Object... kv) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("virtualenv", venv);
        args.put("virtualenv_command", "/usr/bin/python3 -m venv");
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        Map<String, Object> r = ctx.run(pip, args);
        assertThat(conn.trips()).as("round trips (pip's PERFORMANCE; 0 when the arguments fail on the controller)").isLessThanOrEqualTo(1);
        return r;
    }

    private String installed() throws Exception {
        Process p = new ProcessBuilder(venv + "/bin/python", "-c", "import jplaydemo; print(jplaydemo.V)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? out : null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVirtualenvsLifeCycleIsIdempotentAtEachStep() throws Exception {
        assertThat(run(ctx().check(true), "name", List.of("jplaydemo"))).containsEntry("changed", true);
        assertThat(Path.of(venv)).doesNotExist();
        Map<String, Object> r = run(ctx(), "name", List.of("jplaydemo==1.0"));
        assertThat(r).containsEntry("changed", true).containsEntry("cmd", List.of(venv + "/bin/pip3", "install", "jplaydemo==1.0"))
                .containsEntry("state", "present").containsEntry("virtualenv", venv).containsEntry("version", null);
        assertThat((String) r.get("stdout")).contains("Successfully installed jplaydemo-1.0");
        assertThat(installed()).isEqualTo("1.0");
        assertThat(run(ctx(), "name", List.of("jplaydemo"), "version", "1.0")).containsEntry("changed", false)
                .containsEntry("cmd", List.of(venv + "/bin/pip3", "install", "jplaydemo==1.0"));
        Map<String, Object> check = run(ctx().check(true), "name", List.of("jplaydemo>1.5"));
        assertThat(check).containsEntry("changed", true).containsEntry("cmd", venv + "/bin/pip3 list --format=freeze");
        assertThat((List<Object>) check.get("stdout_lines")).contains("jplaydemo==1.0");
        assertThat(run(ctx().check(true), "name", List.of("jplaydemo>=1.0", "<2"))).containsEntry("changed", false);
        assertThat(installed()).isEqualTo("1.0");
        // one virtualenv for the whole life cycle (creating one takes seconds)
        assertThat(run(ctx(), "name", List.of("jplaydemo"), "state", "latest")).containsEntry("changed", true);
        assertThat(installed()).isEqualTo("2.0");
        assertThat(run(ctx(), "name", List.of("jplaydemo"), "state", "latest")).containsEntry("changed", false);
        assertThat(run(ctx().check(true), "name", List.of("jplaydemo"), "state", "absent")).containsEntry("changed", true);
        assertThat(run(ctx(), "name", List.of("jplaydemo"), "state", "absent")).containsEntry("changed", true);
        assertThat(installed()).isNull();
        assertThat(run(ctx(), "name", List.of("jplaydemo"), "state", "absent")).containsEntry("changed", false)
                .containsEntry("stderr", "WARNING: Skipping jplaydemo as it is not installed.\n");
        Path req = Files.writeString(dir.resolve("req.txt"), "jplaydemo==1.0\n");
        assertThat(run(ctx(), "requirements", req.toString())).containsEntry("changed", true).containsEntry("name", null);
        assertThat(run(ctx(), "requirements", req.toString())).containsEntry("changed", false);
        assertThat(installed()).isEqualTo("1.0");
        Map<String, Object> missing = run(ctx(), "name", List.of("nosuchpkg"));
        assertThat(missing).containsEntry("failed", true).containsEntry("cmd", List.of(venv + "/bin/pip3", "install", "nosuchpkg"));
        assertThat((String) missing.get("msg")).startsWith("stdout: Looking in links: ")
                .endsWith("\n:stderr: ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\n"
                        + "ERROR: No matching distribution found for nosuchpkg\n");
    }

    @Test
    void badArgumentsFailBeforeTheHostIsAsked() throws Exception {
        assertThat(run(ctx(), "name", List.of("a", "b"), "version", "1")).containsEntry("msg", "'version' argument is ambiguous when "
                + "installing multiple package distributions. Please specify version restrictions next to each package in 'name' argument.");
        assertThat(run(ctx(), "name", List.of("a"), "version", "1", "state", "latest"))
                .containsEntry("msg", "version is incompatible with state=latest");
    }

    @Test
    void requirementsReadAsPkgResourcesReadsThem() {
        assertThat(Pip.recoverNames(List.of("django>1.11.1", "<1.11.3", "ipaddress", "simpleproject>1.1.0", "<2.0.0")))
                .containsExactly("django>1.11.1,<1.11.3", "ipaddress", "simpleproject>1.1.0,<2.0.0");
        PipRequirement r = PipRequirement.parse("Django >1.11.1,<1.11.3");
        assertThat(r.toString()).isEqualTo("Django<1.11.3,>1.11.1");
        assertThat(r.packageName()).isEqualTo("django");
        assertThat(r.satisfiedBy("1.11.2")).isTrue();
        assertThat(r.satisfiedBy("1.11.3")).isFalse();
        assertThat(PipRequirement.parse("foo~=1.4.2").satisfiedBy("1.4.9")).isTrue();
        assertThat(PipRequirement.parse("foo~=1.4.2").satisfiedBy("1.5")).isFalse();
        assertThat(PipRequirement.parse("foo==1.*").satisfiedBy("1.9")).isTrue();
        assertThat(PipRequirement.parse("foo>=1.0").satisfiedBy("1.0rc1")).isFalse();
        assertThat(PipRequirement.parse("foo>1.0").satisfiedBy("1.0.post1")).isTrue();
        assertThat(PipRequirement.withVersion("foo", "1.0").toString()).isEqualTo("foo==1.0");
        assertThat(PipRequirement.withVersion("foo", ">=1.0").toString()).isEqualTo("foo>=1.0");
        assertThat(PipRequirement.parse("git+https://x/y.git").satisfiedBy("1")).isFalse();
    }
}
