package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * playbooks/site.yml (the Kubernetes workload) on 3 lab hosts with the k8s profile's stand-ins, through the jplay
 * command line: check mode changes nothing, the first run converges with ansible-playbook's recap and leaves the
 * same files (both recorded from an ansible-playbook run in src/test/resources/k8s), the second run changes
 * nothing, kubeadm gets the right flags, smoke and reset run only their own tasks, and a run after reset rebuilds.
 */
class K8sPlaybookTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path EXPECTED = ROOT.resolve("src/test/resources/k8s");
    static final String NET = "10.246"; // not 10.244: that is the pod CIDR
    static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up(NET, 3, "lab/profiles/k8s");
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    private static JplayProcess.Run site(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-i", lab.inventory().toString(), "playbooks/site.yml",
                "-e", "@lab/profiles/k8s/vars.yml"));
        args.addAll(List.of(extra));
        return JplayProcess.run(ROOT, args.toArray(String[]::new));
    }

    private static List<String> recap(JplayProcess.Run r) {
        return r.out().lines().filter(l -> l.matches("lab0\\d +: ok=.*")).map(String::strip).toList();
    }

    private static List<String> recorded(String name) throws Exception {
        return Files.readAllLines(EXPECTED.resolve(name)).stream().map(String::strip).toList();
    }

    private static String snapshot(String host) throws Exception {
        Process p = new ProcessBuilder("lab/profiles/k8s/snapshot", lab.changes(host).toString(), lab.net()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static List<String> banners(JplayProcess.Run r) {
        return r.out().lines().filter(l -> l.startsWith("TASK [")).map(l -> l.substring(6, l.indexOf(']'))).distinct().toList();
    }

    @Test
    void buildsTheClusterLikeAnsibleThenConvergesSmokeTestsResetsAndRebuilds() throws Exception {
        JplayProcess.Run check = site("--check", "--diff");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains("+++ after: /etc/modules-load.d/k8s.conf", "-/swap.img");
        for (String h : lab.names()) {
            assertThat(snapshot(h)).as("check mode changed nothing on " + h).doesNotContain("etc/kubernetes", "etc/containerd", "k8s.conf");
        }

        JplayProcess.Run first = site();
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(recap(first)).isEqualTo(recorded("ansible-recap-first.txt"));
        for (String h : lab.names()) {
            assertThat(snapshot(h)).as("files on " + h + " as ansible-playbook left them").isEqualTo(Files.readString(EXPECTED.resolve("ansible-" + h + ".txt")));
        }
        String calls = Files.readString(lab.changes("lab01").resolve("var/log/jplay-lab/calls.log"));
        assertThat(calls).contains("kubeadm init --apiserver-advertise-address=" + lab.address(1) + " --kubernetes-version=v1.28.15"
                + " --service-cidr=10.96.0.0/12 --pod-network-cidr=10.244.0.0/16 --image-repository=registry.k8s.io"
                + " --cri-socket=unix:///var/run/containerd/containerd.sock");
        assertThat(Files.readString(lab.changes("lab02").resolve("var/log/jplay-lab/calls.log")))
                .contains("kubeadm join " + lab.address(1) + ":6443 --token ").contains("--cri-socket=unix:///var/run/containerd/containerd.sock");

        JplayProcess.Run second = site();
        assertThat(second.exit()).isZero();
        assertThat(recap(second)).isEqualTo(recorded("ansible-recap-second.txt"));

        JplayProcess.Run smoke = site("--tags", "smoke");
        assertThat(smoke.exit()).as(smoke.out()).isZero();
        assertThat(banners(smoke)).allMatch(b -> b.equals("Gathering Facts") || b.startsWith("smoke : ")).contains("smoke : Remove the test");

        JplayProcess.Run reset = site("--tags", "reset");
        assertThat(reset.exit()).as(reset.out()).isZero();
        assertThat(banners(reset)).allMatch(b -> b.equals("Gathering Facts") || b.startsWith("reset : ")).contains("reset : kubeadm reset");
        assertThat(Files.exists(lab.changes("lab01").resolve("etc/kubernetes/admin.conf"))).isFalse();

        JplayProcess.Run again = site();
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(Files.readString(lab.changes("lab01").resolve("etc/kubernetes/admin.conf"))).contains("server: https://" + lab.address(1));
    }

    @Test
    void listsTheStructure() throws Exception {
        JplayProcess.Run tags = JplayProcess.run(ROOT, "-i", "inventory/hosts", "playbooks/site.yml", "--list-tags");
        assertThat(tags.out()).contains("play #1 (k8s): Prepare every node\tTAGS: []\n      TASK TAGS: [containerd, packages, prep]",
                "play #2 (master): Initialise the control plane\tTAGS: []\n      TASK TAGS: [master]");
        JplayProcess.Run tasks = JplayProcess.run(ROOT, "-i", "inventory/hosts", "playbooks/site.yml", "--list-tasks");
        assertThat(tasks.out()).contains("play #2 (master): Initialise the control plane\tTAGS: []\n    tasks:\n"
                + "      master : Initialise the control plane (once)\tTAGS: [master]");
        assertThat(tasks.out()).doesNotContain("reset :", "smoke :");
    }
}
