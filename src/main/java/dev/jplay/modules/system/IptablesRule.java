package dev.jplay.modules.system;

import dev.jplay.modules.ModuleArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of an iptables rule built from the iptables module's parameters in exactly ansible-core 2.14's order
 * (the order matters: {@code iptables -C} compares the rule as written). {@code wait} and {@code jump} are given
 * apart because the module adjusts them (to the host's iptables version, and LOG for logging options) after it has
 * reported the rule built from the parameters as given.
 */
final class IptablesRule {
    /** What Ansible's module crashes with on such input (a Python exception, reported as MODULE FAILURE). */
    static final class Crash extends Exception {
        private static final long serialVersionUID = 1L;

        Crash(String message) {
            super(message);
        }
    }

    private final ModuleArgs a;
    private final List<String> words = new ArrayList<>();

    private IptablesRule(ModuleArgs a) {
        this.a = a;
    }

    /** The rule's words; {@code wait} null leaves out {@code -w}, an empty one too. */
    static List<String> build(ModuleArgs a, String wait, String jump) throws Crash {
        IptablesRule r = new IptablesRule(a);
        r.construct(wait, jump);
        for (int i = 0; i < r.words.size(); i++) {
            if (r.words.get(i) == null) throw new Crash("TypeError: sequence item " + i + ": expected str instance, NoneType found");
        }
        return r.words;
    }

    private void construct(String wait, String jump) throws Crash {
        if (wait != null && !wait.isEmpty()) add("-w", wait);
        param("protocol", "-p");
        param("source", "-s");
        param("destination", "-d");
        for (String m : a.strings("match")) value(m, "-m");
        tcpFlags();
        value(jump, "-j");
        if (jump != null && jump.equalsIgnoreCase("tee")) param("gateway", "--gateway");
        param("log_prefix", "--log-prefix");
        param("log_level", "--log-level");
        param("to_destination", "--to-destination");
        List<String> dports = a.strings("destination_ports");
        if (!dports.isEmpty()) add("-m", "multiport", "--dports", String.join(",", dports));
        param("to_source", "--to-source");
        param("goto", "-g");
        param("in_interface", "-i");
        param("out_interface", "-o");
        param("fragment", "-f");
        param("set_counters", "-c");
        param("source_port", "--source-port");
        param("destination_port", "--destination-port");
        param("to_ports", "--to-ports");
        param("set_dscp_mark", "--set-dscp");
        param("set_dscp_mark_class", "--set-dscp-class");
        matchFlag(a.str("syn"), "--syn", true);
        List<String> match = a.strings("match");
        List<String> ctstate = a.strings("ctstate");
        String states = String.join(",", ctstate);
        if (match.contains("conntrack")) {
            if (!ctstate.isEmpty()) add("--ctstate", states);
        } else if (match.contains("state")) {
            if (!ctstate.isEmpty()) add("--state", states);
        } else if (!ctstate.isEmpty()) {
            add("-m", "conntrack", "--ctstate", states);
        }
        boolean ranges = truthy(a.str("src_range")) || truthy(a.str("dst_range"));
        if (match.contains("iprange") || ranges) {
            if (!match.contains("iprange")) add("-m", "iprange");
            param("src_range", "--src-range");
            param("dst_range", "--dst-range");
        }
        if (match.contains("set") || truthy(a.str("match_set"))) {
            if (!match.contains("set")) add("-m", "set");
            param("match_set", "--match-set");
            words.add(a.str("match_set_flags"));
        }
        if (truthy(a.str("limit")) || truthy(a.str("limit_burst"))) add("-m", "limit");
        param("limit", "--limit");
        param("limit_burst", "--limit-burst");
        owner("uid_owner", "--uid-owner");
        owner("gid_owner", "--gid-owner");
        if (jump == null && truthy(a.str("reject_with"))) add("-j", "REJECT");
        param("reject_with", "--reject-with");
        param("icmp_type", "ipv6".equals(a.str("ip_version")) ? "--icmpv6-type" : "--icmp-type");
        if (truthy(a.str("comment"))) add("-m", "comment");
        param("comment", "--comment");
    }

    private void owner(String name, String flag) throws Crash {
        String v = a.str(name);
        if (truthy(v)) add("-m", "owner");
        matchFlag(v, flag, true);
        param(name, flag);
    }

    private void tcpFlags() throws Crash {
        if (a.get("tcp_flags") == null) return;
        Map<String, Object> flags = a.dict("tcp_flags");
        add("--tcp-flags", join(flags.get("flags")), join(flags.get("flags_set")));
    }

    private static String join(Object list) throws Crash {
        if (!(list instanceof List<?> l)) throw new Crash("TypeError: can only join an iterable");
        List<String> s = new ArrayList<>();
        for (Object o : l) s.add(String.valueOf(o));
        return String.join(",", s);
    }

    private void matchFlag(String value, String flag, boolean negatable) {
        if ("match".equals(value)) add(flag);
        else if (negatable && "negate".equals(value)) add("!", flag);
    }

    private void param(String name, String flag) throws Crash {
        value(a.str(name), flag);
    }

    private void value(String v, String flag) throws Crash {
        if (v == null) return;
        if (v.isEmpty()) throw new Crash("IndexError: string index out of range");
        if (v.charAt(0) == '!') add("!", flag, v.substring(1));
        else add(flag, v);
    }

    private void add(String... w) {
        words.addAll(java.util.Arrays.asList(w));
    }

    private static boolean truthy(String s) {
        return s != null && !s.isEmpty();
    }
}
