package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * playbooks/site.yml after a partial failure, on 3 lab hosts with the k8s profile's stand-ins and injected faults
 * (/var/lib/jplay-lab/fail-once): a first run fails on every host at a different point, and a plain re-run repairs
 * all of it. On lab01 kubeadm init fails after writing admin.conf (its API never answers): the re-run resets that
 * half-initialised control plane and initialises again. On lab02 the containerd restart handler fails: the re-run
 * still restarts containerd (its config was never applied). On lab03 play 1 fails after the containerd role: the
 * restart happened before (handlers flushed at the end of the role), so the re-run does not restart again. Then a
 * control plane whose API server stops answering after a complete init is left alone, with a message. The hosts
 * start with containerd configs that disable CRI: Docker's (replaced by the default) and a full one (edited).
 */
class K8sRecoveryTest {
    static final String NET = "10.247";

    private static void fault(Lab lab, String host, String name) throws Exception {
        lab.ssh(host, "mkdir -p /var/lib/jplay-lab/fail-once && touch /var/lib/jplay-lab/fail-once/" + name);
    }

    @Test
    void aRerunRepairsWhatAFailedRunLeftHalfDone() throws Exception {
        try (Lab lab = Lab.up(NET, 3, "lab/profiles/k8s")) {
            repairs(lab);
        }
    }

    private static void repairs(Lab lab) throws Exception {
        // containerd configs found on the hosts: Docker's (CRI disabled, nothing else) and a full one with CRI disabled
        lab.ssh("lab02", "mkdir -p /etc/containerd && printf '%s\\n' 'disabled_plugins = [\"cri\"]' > /etc/containerd/config.toml");
        lab.ssh("lab03", "mkdir -p /etc/containerd && printf '%s\\n' 'version = 2' 'disabled_plugins = [\"cri\", \"io.containerd.internal.v1.opt\"]'"
                + " '[plugins.\"io.containerd.grpc.v1.cri\"]' '  sandbox_image = \"registry.k8s.io/pause:3.6\"'"
                + " '  [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]' '    SystemdCgroup = false'"
                + " > /etc/containerd/config.toml");
        fault(lab, "lab01", "kubeadm-init");
        fault(lab, "lab02", "systemctl-restart-containerd");
        fault(lab, "lab03", "systemctl-enable-kubelet");
        JplayProcess.Run failed = K8sPlaybookTest.play(lab, "playbooks/site.yml");
        assertThat(failed.exit()).as(failed.out()).isEqualTo(2);
        assertThat(K8sPlaybookTest.recap(failed)).allMatch(l -> l.contains(" failed=1 "));
        double end = 0;
        for (String h : lab.names()) end = Math.max(end, CallLog.of(lab, h).end());
        assertThat(Files.exists(lab.changes("lab01").resolve("etc/kubernetes/admin.conf"))).as("kubeadm init left admin.conf").isTrue();
        assertThat(CallLog.of(lab, "lab03").first("systemctl restart containerd")).as("restarted before the failure on lab03")
                .isGreaterThan(CallLog.of(lab, "lab03").first("systemctl start containerd")).isLessThan(end);

        JplayProcess.Run rerun = K8sPlaybookTest.play(lab, "playbooks/site.yml");
        assertThat(rerun.exit()).as(rerun.out()).isZero();
        CallLog cp = CallLog.of(lab, "lab01");
        double reset = cp.first("kubeadm reset -f", end);
        assertThat(reset).as("the half-initialised control plane is reset").isGreaterThan(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf get --raw /healthz", end));
        assertThat(cp.first("kubeadm init --config /etc/kubernetes/kubeadm-config.yaml", end)).isGreaterThan(reset);
        assertThat(cp.first("kubeadm join", end)).isNaN();
        assertThat(Files.readString(lab.changes("lab01").resolve("etc/kubernetes/kubeadm-init.done"))).isEqualTo("v1.28.15\n");
        CallLog node = CallLog.of(lab, "lab02");
        assertThat(node.first("systemctl restart containerd", end)).as("the restart a failed handler owed").isLessThan(node.first("kubeadm join", end));
        assertThat(Files.readString(lab.changes("lab02").resolve("etc/containerd/config.toml.applied")))
                .isEqualTo(Files.readString(lab.changes("lab02").resolve("etc/containerd/config.toml")));
        assertThat(CallLog.of(lab, "lab03").first("systemctl restart containerd", end)).as("no second restart on lab03").isNaN();
        assertThat(CallLog.of(lab, "lab03").lines()).contains("systemctl enable kubelet");

        String docker = Files.readString(lab.changes("lab02").resolve("etc/containerd/config.toml"));
        assertThat(docker).as("Docker's config replaced by the default").contains("SystemdCgroup = true").doesNotContain("disabled_plugins");
        assertThat(lab.changes("lab02").resolve("etc/containerd/config.toml.orig")).hasContent("disabled_plugins = [\"cri\"]");
        assertThat(Files.readString(lab.changes("lab03").resolve("etc/containerd/config.toml"))).as("a full config edited in place")
                .contains("disabled_plugins = [\"io.containerd.internal.v1.opt\"]\n", "sandbox_image = \"registry.k8s.io/pause:3.9\"",
                        "SystemdCgroup = true");

        JplayProcess.Run third = K8sPlaybookTest.play(lab, "playbooks/site.yml");
        assertThat(third.exit()).as(third.out()).isZero();
        assertThat(K8sPlaybookTest.recap(third)).allMatch(l -> l.contains(" changed=0 "));

        // a control plane whose init completed is never initialised again, even when its API server stops answering
        lab.ssh("lab01", "rm /var/lib/jplay-lab/kube/apiserver-up");
        double before = CallLog.of(lab, "lab01").end();
        JplayProcess.Run down = K8sPlaybookTest.play(lab, "playbooks/site.yml", "--tags", "master");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.out()).contains("although kubeadm init completed here before", "Not re-initialising an existing cluster");
        assertThat(CallLog.of(lab, "lab01").first("kubeadm", before)).as("neither reset nor init").isNaN();
    }
}
