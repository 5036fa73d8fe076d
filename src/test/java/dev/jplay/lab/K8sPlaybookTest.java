package dev.jplay.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.testing.JplayProcess;
import dev.jplay.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * playbooks/site.yml and upgrade.yml (the Kubernetes workload) on 3 lab hosts with the k8s profile's stand-ins,
 * through the jplay command line, the whole life of a cluster: check mode changes nothing (with ansible-playbook's
 * recap); the first run converges
 * with ansible-playbook's recap and leaves the same files (both recorded from an ansible-playbook run in
 * src/test/resources/k8s by lab/profiles/k8s/record-ansible); kubeadm gets its configuration file; the second run
 * changes nothing; smoke runs only its own tasks; reset refuses without confirmation and destroys nothing; a reset
 * of one node drains it and deletes it from the cluster; site.yml refuses to change versions; upgrade.yml refuses to
 * skip a minor version, then upgrades the nodes one at a time, each drained before and uncordoned after; a complete
 * reset and a rebuild.
 */
class K8sPlaybookTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path EXPECTED = ROOT.resolve("src/test/resources/k8s");
    static final String NET = "10.246"; // not 10.244: that is the pod CIDR
    static final String CRI = "--cri-socket=unix:///var/run/containerd/containerd.sock";
    static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.up(NET, 3, "lab/profiles/k8s");
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) lab.close();
    }

    static JplayProcess.Run play(Lab lab, String playbook, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-i", lab.inventory().toString(), playbook, "-e", "@lab/profiles/k8s/vars.yml"));
        args.addAll(List.of(extra));
        return JplayProcess.run(ROOT, args.toArray(String[]::new));
    }

    private static JplayProcess.Run site(String... extra) throws Exception {
        return play(lab, "playbooks/site.yml", extra);
    }

    static List<String> recap(JplayProcess.Run r) {
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

    private static String file(String host, String path) throws Exception {
        return Files.readString(lab.changes(host).resolve(path));
    }

    @Test
    void buildsUpgradesAndResetsTheClusterLikeAnsible() throws Exception {
        refusesTwoControlPlanes();
        checkModeChangesNothing();
        buildsLikeAnsible();
        smokeRunsOnlyItsTasks();
        resetRefusesWithoutConfirmation();
        resetOfOneNodeDeletesItFromTheCluster();
        versionChangesOnlyThroughTheUpgrade();
        upgradesOneNodeAtATime();
        resetsAllAndRebuilds();
    }

    private void refusesTwoControlPlanes() throws Exception {
        Path two = lab.inventory().resolveSibling("two-masters");
        Files.writeString(two, Files.readString(lab.inventory()).replaceFirst("\\[nodes]\n(lab02[^\n]*\n)", "$1[nodes]\n"));
        JplayProcess.Run r = JplayProcess.run(ROOT, "-i", two.toString(), "playbooks/site.yml", "-e", "@lab/profiles/k8s/vars.yml");
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("The master group must hold exactly one host (it has 2: lab01, lab02)");
        assertThat(banners(r)).containsExactly("Gathering Facts", "preflight : Exactly one control-plane host");
    }

    private void checkModeChangesNothing() throws Exception {
        JplayProcess.Run check = site("--check", "--diff");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(recap(check)).isEqualTo(recorded("ansible-recap-check.txt"));
        assertThat(check.out()).contains("+++ after: /etc/modules-load.d/k8s.conf", "-/swap.img");
        for (String h : lab.names()) {
            assertThat(snapshot(h)).as("check mode changed nothing on " + h).doesNotContain("etc/kubernetes", "etc/containerd", "k8s.conf");
        }
    }

    private void buildsLikeAnsible() throws Exception {
        JplayProcess.Run first = site();
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(recap(first)).isEqualTo(recorded("ansible-recap-first.txt"));
        for (String h : lab.names()) {
            assertThat(snapshot(h)).as("files on " + h + " as ansible-playbook left them").isEqualTo(Files.readString(EXPECTED.resolve("ansible-" + h + ".txt")));
        }
        String master = lab.address(1);
        assertThat(file("lab01", "etc/kubernetes/kubeadm-config.yaml")).contains("advertiseAddress: " + master + "\n",
                "podSubnet: 10.244.0.0/16\n", "serviceSubnet: 10.96.0.0/12\n", "kubernetesVersion: v1.28.15\n", "cgroupDriver: systemd\n",
                "kind: KubeProxyConfiguration\nmode: ipvs\n", "  name: lab01\n");
        CallLog cp = CallLog.of(lab, "lab01");
        assertThat(cp.lines()).contains("kubeadm init --config /etc/kubernetes/kubeadm-config.yaml",
                "kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-system get configmap kube-proxy -o jsonpath={.data.config\\.conf}");
        assertThat(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf get --raw /healthz"))
                .as("the API server answered before flannel was applied").isLessThan(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf apply"));
        assertThat(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf -n kube-flannel rollout status daemonset/kube-flannel-ds"))
                .isGreaterThan(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf wait --for=condition=Ready node --all"));
        assertThat(file("lab01", "etc/kubernetes/kube-flannel.yml")).contains("- --kube-subnet-mgr\n        - --iface-can-reach=" + master + "\n");
        for (int i = 1; i <= 3; i++) {
            String h = lab.names().get(i - 1);
            CallLog calls = CallLog.of(lab, h);
            assertThat(calls.first("systemctl restart containerd")).as("containerd restarted after its config on " + h)
                    .isGreaterThan(calls.first("containerd config default")).isLessThan(calls.first("ctr --address /run/containerd/containerd.sock version"));
            assertThat(file(h, "etc/containerd/config.toml")).contains("SystemdCgroup = true", "sandbox_image = \"registry.k8s.io/pause:3.9\"");
            assertThat(file(h, "etc/default/kubelet")).isEqualTo("KUBELET_EXTRA_ARGS=--node-ip=" + lab.address(i) + "\n");
            assertThat(file(h, "etc/hostname")).isEqualTo(h + "\n");
        }
        assertThat(CallLog.of(lab, "lab02").lines()).anyMatch(l -> l.startsWith("kubeadm join " + master + ":6443 --token ")
                && l.endsWith(" --node-name=lab02 " + CRI));
        assertThat(first.out()).as("the join command is a secret").doesNotContain("abcdef.0123456789abcdef");

        JplayProcess.Run second = site();
        assertThat(second.exit()).isZero();
        assertThat(recap(second)).isEqualTo(recorded("ansible-recap-second.txt"));
    }

    private void smokeRunsOnlyItsTasks() throws Exception {
        JplayProcess.Run smoke = site("--tags", "smoke");
        assertThat(smoke.exit()).as(smoke.out()).isZero();
        assertThat(banners(smoke)).allMatch(b -> b.equals("Gathering Facts") || b.startsWith("preflight : ") || b.startsWith("smoke : ")
                || b.startsWith("ready : ")).contains("smoke : Remove the test");
    }

    private void resetRefusesWithoutConfirmation() throws Exception {
        List<String> before = new ArrayList<>();
        for (String h : lab.names()) before.add(snapshot(h));
        JplayProcess.Run reset = site("--tags", "reset");
        assertThat(reset.exit()).as(reset.out()).isEqualTo(2);
        assertThat(reset.out()).contains("Hosts: lab01, lab02, lab03 (with the control plane: the whole cluster and its etcd data)",
                "Reset not confirmed, nothing was destroyed.", "-e k8s_reset_confirm=true");
        for (int i = 0; i < 3; i++) {
            String h = lab.names().get(i);
            assertThat(snapshot(h)).as("nothing destroyed on " + h).isEqualTo(before.get(i));
            assertThat(CallLog.of(lab, h).lines()).noneMatch(l -> l.startsWith("kubeadm reset") || l.startsWith("ipvsadm --clear")
                    || l.startsWith("iptables -t"));
        }
    }

    private void resetOfOneNodeDeletesItFromTheCluster() throws Exception {
        JplayProcess.Run reset = site("--tags", "reset", "--limit", "lab03", "-e", "k8s_reset_confirm=true");
        assertThat(reset.exit()).as(reset.out()).isZero();
        assertThat(reset.out()).contains("Drained and deleted from the cluster on lab01: lab03");
        CallLog cp = CallLog.of(lab, "lab01");
        CallLog node = CallLog.of(lab, "lab03");
        double drained = cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf drain lab03 --ignore-daemonsets");
        assertThat(node.first("kubeadm reset -f " + CRI)).isGreaterThan(drained)
                .isLessThan(cp.first("kubectl --kubeconfig /etc/kubernetes/admin.conf delete node lab03"));
        assertThat(node.lines()).contains("ipvsadm --clear", "iptables -t nat -F", "iptables -t mangle -X", "ip6tables -t filter -F", "ip6tables -t nat -X");
        assertThat(lab.ssh("lab03", "ip -o link show; ls -d /etc/cni/net.d /var/lib/cni /run/flannel 2>&1; iptables-save; true"))
                .doesNotContain("kube-ipvs0", "cni0", "flannel.1", "KUBE-", "-A ").contains("cannot access '/etc/cni/net.d'");
        assertThat(CallLog.of(lab, "lab02").lines()).noneMatch(l -> l.startsWith("kubeadm reset"));

        JplayProcess.Run rejoin = site();
        assertThat(rejoin.exit()).as(rejoin.out()).isZero();
        assertThat(rejoin.recap("lab03")).contains("changed=1 ");
    }

    private void versionChangesOnlyThroughTheUpgrade() throws Exception {
        JplayProcess.Run bumped = site("-e", "k8s_version=1.29.10");
        assertThat(bumped.exit()).isEqualTo(2);
        assertThat(bumped.out()).contains("Installed: kubeadm 1.28.15-1.1, kubectl 1.28.15-1.1, kubelet 1.28.15-1.1; k8s_version asks for 1.29.10-1.1."
                + " site.yml does not change the version of a cluster: run the upgrade");
        JplayProcess.Run skip = play(lab, "playbooks/upgrade.yml", "-e", "k8s_version=1.30.2");
        assertThat(skip.exit()).isEqualTo(2);
        assertThat(skip.out()).contains("The cluster runs v1.28.15; kubeadm upgrades to the next minor version at most");
        for (String h : lab.names()) assertThat(snapshot(h)).contains("dpkg  kubelet hold installed").contains("etc/apt/sources.list.d/kubernetes.list");
        assertThat(file("lab02", "etc/apt/sources.list.d/kubernetes.list")).contains("/k8s/v1.28 /");
    }

    private void upgradesOneNodeAtATime() throws Exception {
        double start = CallLog.of(lab, "lab01").end();
        JplayProcess.Run upgrade = site("--tags", "upgrade", "-e", "k8s_version=1.29.10");
        assertThat(upgrade.exit()).as(upgrade.out()).isZero();
        CallLog cp = CallLog.of(lab, "lab01");
        String kubectl = "kubectl --kubeconfig /etc/kubernetes/admin.conf ";
        assertThat(cp.first("kubeadm upgrade apply -y v1.29.10", start)).isLessThan(cp.first(kubectl + "drain lab01", start));
        double previous = start;
        for (String h : lab.names()) {
            CallLog calls = CallLog.of(lab, h);
            double drain = cp.first(kubectl + "drain " + h, start);
            double restart = calls.first("systemctl restart kubelet", drain);
            double uncordon = cp.first(kubectl + "uncordon " + h, start);
            assertThat(drain).as(h + " drained after the host before it was uncordoned").isGreaterThan(previous);
            assertThat(restart).as("kubelet of " + h + " restarted while drained").isGreaterThan(drain).isLessThan(uncordon);
            if (!h.equals("lab01")) {
                assertThat(calls.first("kubeadm upgrade node", start)).isGreaterThan(previous).isLessThan(drain);
            }
            previous = uncordon;
            assertThat(snapshot(h)).contains("dpkg  kubeadm hold installed", "dpkg  kubelet hold installed", "dpkg  kubectl hold installed");
            assertThat(lab.ssh(h, "dpkg-query -W -f='${Version} ' kubeadm kubelet kubectl")).isEqualTo("1.29.10-1.1 1.29.10-1.1 1.29.10-1.1 ");
        }
        assertThat(file("lab01", "etc/kubernetes/kubeadm-config.yaml")).contains("kubernetesVersion: v1.29.10\n");

        JplayProcess.Run again = play(lab, "playbooks/upgrade.yml", "-e", "k8s_version=1.29.10");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(recap(again)).allMatch(l -> l.contains(" changed=0 "));
        JplayProcess.Run converge = site("-e", "k8s_version=1.29.10");
        assertThat(converge.exit()).as(converge.out()).isZero();
        assertThat(recap(converge)).allMatch(l -> l.contains(" changed=0 "));
    }

    private void resetsAllAndRebuilds() throws Exception {
        double start = CallLog.of(lab, "lab01").end();
        // on a terminal: the reset asks, and goes on once 'reset' is typed
        JplayProcess.Run reset = JplayProcess.runOnTerminal(ROOT, "Type 'reset' to destroy", "reset", "-i", lab.inventory().toString(),
                "playbooks/site.yml", "-e", "@lab/profiles/k8s/vars.yml", "--tags", "reset");
        assertThat(reset.exit()).as(reset.out()).isZero();
        assertThat(reset.out()).contains("[reset : Confirm the reset]\nType 'reset' to destroy all this on lab01, lab02, lab03 (anything else stops): reset");
        assertThat(banners(reset)).allMatch(b -> b.equals("Gathering Facts") || b.startsWith("preflight : ") || b.startsWith("reset : "))
                .contains("reset : Kubeadm reset");
        assertThat(Files.exists(lab.changes("lab01").resolve("etc/kubernetes/admin.conf"))).isFalse();
        assertThat(CallLog.of(lab, "lab01").first("kubectl --kubeconfig /etc/kubernetes/admin.conf delete node", start))
                .as("with the control plane reset, no node is deleted one by one").isNaN();

        JplayProcess.Run again = site("-e", "k8s_version=1.29.10");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(file("lab01", "etc/kubernetes/admin.conf")).contains("server: https://" + lab.address(1));
    }

    @Test
    void ansibleLintFindsNothing() throws Exception {
        Path lint = Path.of("/usr/bin/ansible-lint");
        Needs.executable(lint.toString(), "needs ansible-lint (./test installs it)");
        Process p = new ProcessBuilder(lint.toString(), "--offline", "--nocolor", "-p", "playbooks/").directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void listsTheStructure() throws Exception {
        JplayProcess.Run tags = JplayProcess.run(ROOT, "-i", "inventory/hosts", "playbooks/site.yml", "--list-tags");
        assertThat(tags.out()).contains("play #1 (k8s): Prepare every node\tTAGS: []\n      TASK TAGS: [always, containerd, packages, prep]",
                "play #2 (master): Initialise the control plane\tTAGS: []\n      TASK TAGS: [master]");
        JplayProcess.Run tasks = JplayProcess.run(ROOT, "-i", "inventory/hosts", "playbooks/site.yml", "--list-tasks");
        assertThat(tasks.out()).contains("play #2 (master): Initialise the control plane\tTAGS: []\n    tasks:\n"
                + "      master : Kubeadm configuration (cluster, kubelet and kube-proxy settings)\tTAGS: [master]");
        assertThat(tasks.out()).doesNotContain("reset :", "smoke :", "upgrade :");
    }
}
