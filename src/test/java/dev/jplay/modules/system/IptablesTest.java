package dev.jplay.modules.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.TestContext;
import dev.jplay.testing.CountingConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The iptables module with the real iptables in a fresh network namespace (never the machine's own tables). Every
 * expected result below was recorded from ansible-playbook 2.14.18 running the same tasks in a namespace of its own
 * ({@code ip netns exec NS ansible-playbook -c local}): the same results, messages and resulting iptables-save.
 */
class IptablesTest {
    final Iptables module = new Iptables();
    Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private String rule(Object... kv) throws Exception {
        return String.join(" ", IptablesRule.build(ArgConverter.convert(module.spec(), args(kv)), null, (String) args(kv).get("jump")));
    }

    private Map<String, Object> run(boolean check, Object... kv) throws Exception {
        CountingConnection c = new CountingConnection(ns);
        Map<String, Object> r = new TestContext(c).check(check).run(module, args(kv));
        assertThat(c.trips()).as("round trips (iptables' PERFORMANCE; 0 when the arguments fail on the controller)").isLessThanOrEqualTo(1);
        return r;
    }

    private String saved() throws Exception {
        return ns.sh("iptables-save | grep -v '^#' || true");
    }

    @Test
    void rulesAreBuiltInAnsiblesWordOrder() throws Exception {
        assertThat(rule("chain", "INPUT", "protocol", "tcp", "destination_port", "22", "ctstate", List.of("NEW"), "syn", "match", "jump", "ACCEPT",
                "comment", "ssh in")).isEqualTo("-p tcp -j ACCEPT --destination-port 22 --syn -m conntrack --ctstate NEW -m comment --comment ssh in");
        assertThat(rule("chain", "INPUT", "source", "!10.0.0.0/8", "jump", "DROP")).isEqualTo("! -s 10.0.0.0/8 -j DROP");
        assertThat(rule("chain", "X", "jump", "RETURN", "protocol", "udp", "destination_ports", List.of("53", "5353:5360")))
                .isEqualTo("-p udp -j RETURN -m multiport --dports 53,5353:5360");
        assertThat(rule("chain", "INPUT", "tcp_flags", Map.of("flags", List.of("ALL"), "flags_set", List.of("ACK", "RST", "SYN", "FIN")),
                "protocol", "tcp", "reject_with", "tcp-reset")).isEqualTo("-p tcp --tcp-flags ALL ACK,RST,SYN,FIN -j REJECT --reject-with tcp-reset");
        assertThat(rule("chain", "INPUT", "match", List.of("state"), "ctstate", List.of("ESTABLISHED", "RELATED"), "src_range", "10.0.0.1-10.0.0.9",
                "uid_owner", "!0", "limit_burst", "5", "ip_version", "ipv6", "icmp_type", "echo-request"))
                .isEqualTo("-m state --state ESTABLISHED,RELATED -m iprange --src-range 10.0.0.1-10.0.0.9 -m limit --limit-burst 5 -m owner"
                        + " ! --uid-owner 0 --icmpv6-type echo-request");
    }

    @Test
    void appendsOnceInsertsAfterACheckAndSetsThePolicy() throws Exception {
        ns = Netns.create("ipt", "iptables");
        Object[] ssh = {"chain", "INPUT", "protocol", "tcp", "destination_port", "22", "ctstate", List.of("NEW"), "syn", "match", "jump", "ACCEPT",
                "comment", "ssh in"};
        Map<String, Object> first = run(false, ssh);
        assertThat(first).containsEntry("changed", true).containsEntry("failed", false).containsEntry("ip_version", "ipv4")
                .containsEntry("table", "filter").containsEntry("chain", "INPUT").containsEntry("flush", false).containsEntry("state", "present")
                .containsEntry("chain_management", false)
                .containsEntry("rule", "-p tcp -j ACCEPT --destination-port 22 --syn -m conntrack --ctstate NEW -m comment --comment ssh in");
        assertThat(run(false, ssh)).containsEntry("changed", false);
        Object[] drop = {"chain", "INPUT", "source", "!10.0.0.0/8", "jump", "DROP", "action", "insert", "rule_num", 1L, "wait", "5"};
        String before = saved();
        assertThat(run(true, drop)).containsEntry("changed", true).containsEntry("rule", "-w 5 ! -s 10.0.0.0/8 -j DROP");
        assertThat(saved()).isEqualTo(before);
        assertThat(run(false, drop)).containsEntry("changed", true);
        assertThat(run(false, drop)).containsEntry("changed", false);
        assertThat(run(false, "chain", "INPUT", "policy", "DROP")).containsEntry("changed", true).containsEntry("rule", "");
        assertThat(run(false, "chain", "INPUT", "policy", "DROP")).containsEntry("changed", false);
        assertThat(saved()).isEqualTo("*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT ! -s 10.0.0.0/8 -j DROP\n"
                + "-A INPUT -p tcp -m tcp --dport 22 --tcp-flags FIN,SYN,RST,ACK SYN -m conntrack --ctstate NEW -m comment --comment \"ssh in\" -j ACCEPT\n"
                + "COMMIT\n");
        Map<String, Object> gone = run(false, "chain", "INPUT", "source", "!10.0.0.0/8", "jump", "DROP", "state", "absent");
        assertThat(gone).containsEntry("changed", true).containsEntry("state", "absent");
        assertThat(saved()).doesNotContain("10.0.0.0/8");
    }

    @Test
    void chainManagementCreatesFlushesAndDeletesChains() throws Exception {
        ns = Netns.create("ipt", "iptables");
        Object[] rule = {"chain", "MYCHAIN", "chain_management", true, "jump", "RETURN", "protocol", "udp", "destination_ports", List.of("53", "5353:5360")};
        assertThat(run(false, rule)).containsEntry("changed", true).containsEntry("rule", "-p udp -j RETURN -m multiport --dports 53,5353:5360");
        assertThat(run(false, rule)).containsEntry("changed", false);
        assertThat(saved()).contains(":MYCHAIN - [0:0]\n-A MYCHAIN -p udp -m multiport --dports 53,5353:5360 -j RETURN\n");
        assertThat(run(false, "chain", "MYCHAIN", "state", "absent")).containsEntry("changed", true).containsEntry("rule", "");
        assertThat(saved()).contains(":MYCHAIN");
        Map<String, Object> busy = run(false, "chain", "MYCHAIN", "state", "absent", "chain_management", true);
        assertThat(busy).containsEntry("failed", true).containsEntry("rc", 4L).containsEntry("cmd", "/usr/sbin/iptables -t filter -X MYCHAIN")
                .containsEntry("msg", "iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain MYCHAIN");
        assertThat(run(true, "chain", "MYCHAIN", "flush", true)).containsEntry("changed", true);
        assertThat(saved()).contains("-A MYCHAIN");
        assertThat(run(false, "chain", "MYCHAIN", "flush", true)).containsEntry("changed", true).containsEntry("flush", true);
        assertThat(run(false, "chain", "MYCHAIN", "state", "absent", "chain_management", true)).containsEntry("changed", true);
        assertThat(saved()).doesNotContain("MYCHAIN");
        assertThat(run(false, "chain", "MYCHAIN", "state", "absent", "chain_management", true)).containsEntry("changed", false);
    }

    @Test
    void failuresAreAnsibles() throws Exception {
        ns = Netns.create("ipt", "iptables");
        Map<String, Object> missing = run(false, "chain", "NOPE", "jump", "ACCEPT");
        assertThat(missing).containsEntry("failed", true).containsEntry("changed", false).containsEntry("rc", 1L)
                .containsEntry("cmd", "/usr/sbin/iptables -t filter -A NOPE -j ACCEPT").containsEntry("stdout", "")
                .containsEntry("stderr", "iptables: No chain/target/match by that name.\n")
                .containsEntry("msg", "iptables: No chain/target/match by that name.");
        assertThat(run(false, "chain", "X", "jump", "RETURN", "log_prefix", "x"))
                .containsEntry("msg", "Logging options can only be used with the LOG jump target.");
        assertThat(run(false, "state", "absent")).containsEntry("msg", "Either chain or flush parameter must be specified.");
        assertThat(run(false, "chain", "INPUT", "match_set", "myset", "jump", "ACCEPT")).containsEntry("failed", true)
                .containsEntry("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error")
                .containsEntry("module_stderr", "TypeError: sequence item 6: expected str instance, NoneType found\n");
        assertThat(run(false, "chain", "INPUT", "tcp_flags", Map.of("flags", "ALL"), "protocol", "tcp"))
                .containsEntry("module_stderr", "TypeError: can only join an iterable\n");
        assertThat(run(false, "chain", "INPUT", "tcp_flags", Map.of("flags", "SYN,ACK", "flags_set", "SYN", "foo", 1L)))
                .containsEntry("msg", "Unsupported parameters for (iptables) module: tcp_flags.foo. Supported parameters include: flags, flags_set.");
        assertThat(run(true, "chain", "INPUT", "tcp_flags", Map.of("flags", "SYN,ACK", "flags_set", "SYN"), "protocol", "tcp"))
                .containsEntry("changed", true).containsEntry("rule", "-p tcp --tcp-flags SYN,ACK SYN");
        assertThat(saved()).doesNotContain("-A INPUT");
    }
}
