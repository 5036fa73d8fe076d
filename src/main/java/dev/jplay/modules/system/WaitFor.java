package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code wait_for}: waits on the host for a port to open or close, a file to appear, contain a pattern or vanish,
 * or connections to drain. The whole polling loop runs on the host as one shell command (bash {@code /dev/tcp}
 * for ports, {@code grep -P} for patterns); the match groups are computed here from the matched text.
 */
public final class WaitFor implements Module {
    static final String OK = "__JPLAY_WAIT_OK__ ";
    static final String TIMEOUT = "__JPLAY_WAIT_TIMEOUT__ ";
    private static final Pattern NAMED = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9_]*)>");
    private final ModuleSpec spec = ModuleSpec.builder("wait_for").fqcn("ansible.builtin.wait_for")
            .doc("Waits for a condition before continuing", "Waits for a port, a file, a string in a file or socket, "
                    + "or for connections to drain, on the host itself.")
            .param(Param.of("host").str().def("127.0.0.1")).param(Param.of("port").integer()).param(Param.of("path").path())
            .param(Param.of("state").str().def("started").choices("absent", "drained", "present", "started", "stopped"))
            .param(Param.of("timeout").integer().def(300L)).param(Param.of("connect_timeout").integer().def(5L))
            .param(Param.of("delay").integer().def(0L)).param(Param.of("sleep").integer().def(1L))
            .param(Param.of("search_regex").str()).param(Param.of("msg").str())
            .param(Param.of("exclude_hosts").list(ParamType.STR))
            .param(Param.of("active_connection_states").list(ParamType.STR))
            .returns("elapsed", "seconds waited", "always").returns("match_groups", "groups of the match", "with search_regex")
            .returns("match_groupdict", "named groups of the match", "with search_regex")
            .performance("1 round trip (the polling loop runs on the host)")
            .example("- ansible.builtin.wait_for:\n    port: 8080\n    timeout: 60")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String state = a.str("state");
        String error = validate(a, state);
        if (error != null) return ModuleResult.failed(error).put("elapsed", 0L);
        Pattern regex = null;
        if (a.has("search_regex")) {
            try {
                regex = Pattern.compile(a.str("search_regex").replace("(?P<", "(?<"), Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return ModuleResult.failed("Invalid regular expression: " + e.getDescription());
            }
        }
        ExecResult r = ctx.sh(WaitScript.build(a, state));
        String out = r.out();
        int ok = out.indexOf(OK);
        if (ok < 0) {
            int t = out.indexOf(TIMEOUT);
            long elapsed = t < 0 ? 0 : Long.parseLong(out.substring(t + TIMEOUT.length()).strip().split("\\s+")[0]);
            return ModuleResult.failed(a.has("msg") ? a.str("msg") : timeoutMessage(a, state)).put("elapsed", elapsed);
        }
        int eol = out.indexOf('\n', ok);
        long elapsed = Long.parseLong(out.substring(ok + OK.length(), eol < 0 ? out.length() : eol).strip());
        String text = eol < 0 ? "" : out.substring(eol + 1);
        String[] stat = null;
        if (a.has("path") && !state.equals("absent")) {
            int nl = text.indexOf('\n');
            stat = (nl < 0 ? text : text.substring(0, nl)).split(" ", 7);
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        ModuleResult res = ModuleResult.ok().put("state", state).put("port", a.get("port")).put("search_regex", a.str("search_regex"));
        groups(res, regex, a.str("search_regex"), text);
        res.put("path", a.str("path")).put("elapsed", elapsed);
        return stat != null && stat.length == 7 ? pathInfo(res, stat) : res;
    }

    /** The file details Ansible adds to any result with an existing {@code path}; its {@code state} replaces ours. */
    private static ModuleResult pathInfo(ModuleResult res, String[] s) {
        String kind = switch (s[6]) {
            case "directory" -> "directory";
            case "symbolic link" -> "link";
            default -> "file";
        };
        return res.put("uid", Long.parseLong(s[0])).put("gid", Long.parseLong(s[1])).put("owner", s[2]).put("group", s[3])
                .put("mode", String.format("%04o", Integer.parseInt(s[4], 8))).put("size", Long.parseLong(s[5])).put("state", kind);
    }

    private static String validate(ModuleArgs a, String state) {
        if (a.has("port") && a.has("path")) return "port and path parameter can not both be passed to wait_for";
        if (a.has("path") && state.equals("stopped")) return "state=stopped should only be used for checking a port in the wait_for module";
        if (a.has("path") && state.equals("drained")) return "state=drained should only be used for checking a port in the wait_for module";
        if (a.has("exclude_hosts") && !state.equals("drained")) return "exclude_hosts should only be with state=drained";
        return null;
    }

    private static void groups(ModuleResult res, Pattern regex, String source, String text) {
        List<Object> groups = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        if (regex != null) {
            Matcher m = regex.matcher(text);
            if (m.find()) {
                for (int i = 1; i <= m.groupCount(); i++) groups.add(m.group(i));
                Matcher n = NAMED.matcher(source);
                while (n.find()) named.put(n.group(1), m.group(n.group(1)));
            }
        }
        res.put("match_groups", groups).put("match_groupdict", named);
    }

    private static String timeoutMessage(ModuleArgs a, String state) {
        String hp = a.str("host") + ":" + a.get("port");
        return switch (state) {
            case "stopped" -> "Timeout when waiting for " + hp + " to stop.";
            case "absent" -> "Timeout when waiting for " + a.str("path") + " to be absent.";
            case "drained" -> "Timeout when waiting for " + hp + " to drain";
            default -> a.has("path")
                    ? (a.has("search_regex") ? "Timeout when waiting for search string " + a.str("search_regex") + " in " + a.str("path")
                            : "Timeout when waiting for file " + a.str("path"))
                    : (a.has("search_regex") ? "Timeout when waiting for search string " + a.str("search_regex") + " in " + hp
                            : "Timeout when waiting for " + hp);
        };
    }
}
