package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code iptables}: Ansible's iptables module with the host's iptables/ip6tables: a rule built in ansible-core 2.14's
 * word order ({@link IptablesRule}), checked with {@code iptables -C} and appended, inserted or deleted; chain
 * policies, flushes, chain creation and deletion ({@code chain_management}). The whole decision runs on the host in
 * one round trip ({@code iptables.sh}); results and messages as ansible-core 2.14's. Like Ansible's, it changes the
 * running tables only (saving them is iptables-save's business). One difference: Ansible's run_command expands
 * {@code ~} and {@code $VAR} of the host's environment in every word of the rule (a comment "$HOME" becomes the home
 * directory); jplay passes the words as written.
 */
public final class Iptables implements Module {
    private static final HostScript SCRIPT = HostScript.load(Iptables.class, "iptables.sh");
    private static final ModuleSpec SPEC = buildSpec();

    private static ModuleSpec buildSpec() {
        ModuleSpec.Builder b = ModuleSpec.builder("iptables").fqcn("ansible.builtin.iptables", "ansible.legacy.iptables")
                .doc("Modify iptables rules", "Adds, removes, inserts rules of the host's iptables (ip6tables), sets chain policies, "
                        + "flushes, creates and deletes chains. It changes the running tables only.")
                .param(Param.of("table").str().def("filter").choices("filter", "nat", "mangle", "raw", "security").doc("The table to work on."))
                .param(Param.of("state").str().def("present").choices("absent", "present").doc("Whether the rule should be present."))
                .param(Param.of("action").str().def("append").choices("append", "insert").doc("Append the rule, or insert it at the top (or at rule_num)."))
                .param(Param.of("ip_version").str().def("ipv4").choices("ipv4", "ipv6").doc("iptables (ipv4) or ip6tables (ipv6)."))
                .param(Param.of("chain").str().doc("The chain: a built-in one (INPUT, FORWARD, OUTPUT, PREROUTING, POSTROUTING, ...) or a user-defined one."))
                .param(Param.of("rule_num").str().doc("The position of an inserted rule (action=insert)."))
                .param(Param.of("protocol").str().doc("The protocol of the rule (tcp, udp, icmp, all, ...; '!' negates)."))
                .param(Param.of("wait").str().doc("Seconds to wait for the xtables lock (-w), on iptables 1.6.0 and later."))
                .param(Param.of("source").str().doc("Source address[/mask] ('!' negates)."))
                .param(Param.of("to_source").str().doc("SNAT: the new source address (--to-source)."))
                .param(Param.of("destination").str().doc("Destination address[/mask] ('!' negates)."))
                .param(Param.of("to_destination").str().doc("DNAT: the new destination address (--to-destination)."))
                .param(Param.of("match").list(ParamType.STR).def(List.of()).doc("Extended match modules (-m), in order."))
                .param(Param.of("tcp_flags").dict().doc("TCP flags: flags (examined) and flags_set (that must be set), lists."))
                .param(Param.of("jump").str().doc("The target (-j): ACCEPT, DROP, a chain, LOG, ..."))
                .param(Param.of("gateway").str().doc("The gateway of the TEE target."))
                .param(Param.of("log_prefix").str().doc("The prefix of logged packets (jump LOG)."))
                .param(Param.of("log_level").str().choices("0", "1", "2", "3", "4", "5", "6", "7", "emerg", "alert", "crit", "error",
                        "warning", "notice", "info", "debug").doc("The level of logged packets (jump LOG)."))
                .param(Param.of("goto").str().doc("Continue in this user-defined chain (-g)."))
                .param(Param.of("in_interface").str().doc("Receiving interface (-i)."))
                .param(Param.of("out_interface").str().doc("Sending interface (-o)."))
                .param(Param.of("fragment").str().doc("Second and further fragments only (-f)."))
                .param(Param.of("set_counters").str().doc("Initial packet and byte counters (-c)."))
                .param(Param.of("source_port").str().doc("Source port or port range (--source-port)."))
                .param(Param.of("destination_port").str().doc("Destination port or port range (--destination-port)."))
                .param(Param.of("destination_ports").list(ParamType.STR).def(List.of()).doc("Destination ports (multiport, up to 15)."))
                .param(Param.of("to_ports").str().doc("Destination port(s) for REDIRECT or MASQUERADE."))
                .param(Param.of("set_dscp_mark").str().doc("The DSCP mark to set (--set-dscp)."))
                .param(Param.of("set_dscp_mark_class").str().doc("The DSCP class to set (--set-dscp-class)."))
                .param(Param.of("comment").str().doc("A comment on the rule (-m comment)."))
                .param(Param.of("ctstate").list(ParamType.STR).def(List.of()).doc("Connection states to match (conntrack or state)."))
                .param(Param.of("src_range").str().doc("Source IP range (-m iprange)."))
                .param(Param.of("dst_range").str().doc("Destination IP range (-m iprange)."))
                .param(Param.of("match_set").str().doc("An ipset to match (-m set --match-set)."))
                .param(Param.of("match_set_flags").str().choices("src", "dst", "src,dst", "dst,src").doc("The directions of match_set."))
                .param(Param.of("limit").str().doc("Average rate (-m limit --limit), e.g. 5/sec."))
                .param(Param.of("limit_burst").str().doc("Burst of the limit (--limit-burst)."))
                .param(Param.of("uid_owner").str().doc("The packet creator's user (-m owner)."))
                .param(Param.of("gid_owner").str().doc("The packet creator's group (-m owner)."))
                .param(Param.of("reject_with").str().doc("The REJECT target's answer (also implies -j REJECT without jump)."))
                .param(Param.of("icmp_type").str().doc("ICMP type (--icmp-type, --icmpv6-type for ipv6)."))
                .param(Param.of("syn").str().def("ignore").choices("ignore", "match", "negate").doc("Match TCP SYN packets (--syn)."))
                .param(Param.of("flush").bool().def(false).doc("Flush the chain (every chain of the table without chain)."))
                .param(Param.of("policy").str().choices("ACCEPT", "DROP", "QUEUE", "RETURN").doc("Set the chain's policy."))
                .param(Param.of("chain_management").bool().def(false)
                        .doc("Create the chain when a rule is added to a missing one, delete it on state=absent without a rule."))
                .mutuallyExclusive("set_dscp_mark", "set_dscp_mark_class").mutuallyExclusive("flush", "policy")
                .requiredIf("jump", "TEE", "gateway").requiredIf("jump", "tee", "gateway");
        for (String k : new String[] {"changed", "ip_version", "table", "chain", "flush", "rule", "state", "chain_management"}) {
            b.returns(k, "the module's " + k.replace('_', ' ') + (k.equals("rule") ? " (its words as the parameters give them)" : ""), "always");
        }
        return b.example("- ansible.builtin.iptables:\n    chain: INPUT\n    protocol: tcp\n    destination_port: \"22\"\n"
                        + "    ctstate: [NEW]\n    syn: match\n    jump: ACCEPT\n    comment: Accept new SSH connections.")
                .performance("1 round trip (iptables --version, -C/-L, then the change, in one sh script)").build();
    }

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs given, ModuleContext ctx) throws ConnectionException {
        ModuleArgs a;
        try {
            a = withTcpFlags(given);
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        String jump = a.str("jump");
        String rule;
        List<String> words;
        try {
            rule = String.join(" ", IptablesRule.build(a, a.str("wait"), jump));
            if (present(a.str("log_prefix")) || present(a.str("log_level"))) jump = jump == null ? "LOG" : jump;
            words = IptablesRule.build(a, null, jump);
        } catch (IptablesRule.Crash e) {
            return ModuleResult.failed("MODULE FAILURE\nSee stdout/stderr for the exact error").put("module_stdout", "")
                    .put("module_stderr", e.getMessage() + "\n").put("exception", e.getMessage() + "\n").put("rc", 1L);
        }
        boolean flush = a.bool("flush");
        String prefail = "";
        if (!flush && a.get("chain") == null) prefail = "Either chain or flush parameter must be specified.";
        else if (jump != null && !jump.equals("LOG") && (present(a.str("log_prefix")) || present(a.str("log_level")))) {
            prefail = "Logging options can only be used with the LOG jump target.";
        }
        String mode = flush ? "flush" : present(a.str("policy")) ? "policy" : a.str("state").equals("absent") && rule.isEmpty() ? "chain" : "rule";
        Map<String, String> vars = HostScript.vars("BIN", a.str("ip_version").equals("ipv6") ? "ip6tables" : "iptables",
                "PREFAIL", prefail, "TBL", a.str("table"), "CHAIN", a.str("chain"), "CHAINSET", a.get("chain") == null ? "0" : "1",
                "MODE", mode, "ACT", a.str("action"), "NUM", a.str("rule_num"), "WAIT", a.str("wait"), "WAITSET", a.get("wait") == null ? "0" : "1",
                "RULE", words.stream().map(ShellCommand::quote).collect(Collectors.joining(" ")), "POLICY", a.str("policy"),
                "SHOULD", a.str("state").equals("present") ? "1" : "0", "CM", a.bool("chain_management") ? "1" : "0",
                "CHECK", ctx.check() ? "1" : "0");
        HostScript.Fields f = SCRIPT.run(ctx, vars);
        ModuleResult failure = f.reportedFailure();
        if (failure != null) return failure;
        if (!f.has("changed")) return f.printedNothing("iptables");
        return ModuleResult.changed(f.get("changed").equals("1")).put("failed", false).put("ip_version", a.str("ip_version"))
                .put("table", a.str("table")).put("chain", a.str("chain")).put("flush", flush).put("rule", rule).put("state", a.str("state"))
                .put("chain_management", a.bool("chain_management"));
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    /** tcp_flags validated as Ansible's suboptions: only flags and flags_set, each a list of strings (missing: None). */
    private static ModuleArgs withTcpFlags(ModuleArgs a) {
        if (a.get("tcp_flags") == null) return a;
        Map<String, Object> given = a.dict("tcp_flags");
        List<String> unknown = new ArrayList<>();
        for (String k : given.keySet()) if (!k.equals("flags") && !k.equals("flags_set")) unknown.add("tcp_flags." + k);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unsupported parameters for (iptables) module: " + String.join(", ", unknown)
                    + ". Supported parameters include: flags, flags_set.");
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String k : new String[] {"flags", "flags_set"}) flags.put(k, strings(given.get(k)));
        Map<String, Object> all = new LinkedHashMap<>(a.all());
        all.put("tcp_flags", flags);
        return new ModuleArgs(all);
    }

    private static List<String> strings(Object v) {
        if (v == null) return null;
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) out.add(String.valueOf(o));
        } else {
            for (String s : String.valueOf(v).split(",")) out.add(s.strip());
        }
        return out;
    }
}
