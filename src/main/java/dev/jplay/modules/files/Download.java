package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * get_url's transfer: the download runs on the host with curl (options, headers and credentials go through a curl
 * config on stdin, never argv) or wget, into a temporary file beside dest whose sha1 and checksum are printed; then
 * the temporary file is moved over dest (with backup and attributes) or dropped when nothing changed.
 */
final class Download {
    private Download() {}

    /** The file name a URL gives (its last path element, without query). */
    static String fileName(String url) {
        String u = url.replaceFirst("[?#].*$", "");
        String name = u.substring(u.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index.html" : name;
    }

    /** Shell lines {@code K<i> <hex>} with the {@code algorithm} digest of each existing regular file among {@code paths}. */
    static String digestCommands(String algorithm, String... paths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < paths.length; i++) {
            String q = quote(paths[i]);
            sb.append("[ -f ").append(q).append(" ] && printf 'K").append(i).append(" %s\\n' \"$(").append(algorithm)
              .append("sum < ").append(q).append(" | cut -d' ' -f1)\"; ");
        }
        return sb.append("true").toString();
    }

    static String digestOf(String out, int index) {
        Map<String, String> m = lines(out);
        return m.get("K" + index);
    }

    private static Map<String, String> lines(String out) {
        Map<String, String> m = new HashMap<>();
        for (String l : out.split("\n")) {
            int sp = l.indexOf(' ');
            if (sp > 0) m.put(l.substring(0, sp), l.substring(sp + 1));
        }
        return m;
    }

    static ModuleResult fetch(ModuleContext ctx, ModuleArgs a, ModuleResult r, String dest, FileState st, String algorithm,
                              String expected) throws ConnectionException {
        ExecResult d = ctx.exec(ExecRequest.of(script(a, dest, algorithm, ctx.check())).withStdin(curlConfig(a)));
        Map<String, String> out = lines(d.out());
        if (d.out().contains("NOTOOL")) return r.fail("Neither curl nor wget is installed on the host");
        if (d.out().startsWith("NODIR")) return r.fail("Destination " + ShellDirs.parent(dest) + " does not exist");
        String code = out.getOrDefault("H", "");
        r.put("status_code", code.matches("\\d+") ? Long.parseLong(code) : code);
        if (!"0".equals(out.get("R")) || code.matches("[45]\\d\\d")) {
            return r.fail("Request failed").put("response", d.err().strip().isEmpty() ? "HTTP Error " + code : d.err().strip());
        }
        String tmp = out.get("T");
        String sum = out.get("S");
        r.put("src", tmp).put("checksum_src", sum);
        if (st.exists()) r.put("checksum_dest", st.checksum());
        if (expected != null && !expected.equals(out.get("K"))) {
            FileOps.run(ctx, "rm -f -- " + quote(tmp));
            return r.fail("The checksum for " + dest + " did not match " + algorithm + ":" + expected + "; it was " + out.get("K") + ".");
        }
        boolean differs = !sum.equals(st.checksum());
        Attrs attrs = Attrs.of(a);
        Attrs.Plan plan = st.exists() ? attrs.plan(st) : null;
        boolean changed = differs || (plan != null && plan.changed());
        String msg = "OK (" + out.getOrDefault("Z", "0") + " bytes)";
        r.setChanged(changed).msg(msg);
        if (ctx.check() || !changed) {
            FileOps.run(ctx, "rm -f -- " + quote(tmp));
            return (plan == null ? st : plan.result()).addPathInfo(r);
        }
        String cmd = differs ? install(a, tmp, dest, st, attrs) : "rm -f -- " + quote(tmp) + " && " + plan.commands();
        PathProbe.Result done = PathProbe.change(ctx, cmd, dest);
        FileState now = done.state(0);
        for (String l : done.exec().out().split("\n")) if (l.startsWith("backup=")) r.put("backup_file", l.substring(7));
        return now.addPathInfo(r.put("md5sum", null));
    }

    private static String install(ModuleArgs a, String tmp, String dest, FileState st, Attrs attrs) {
        var fa = attrs.forWrite(st);
        StringBuilder sb = new StringBuilder();
        if (a.bool("backup") && st.exists()) sb.append(Writer.backupCommand(dest)).append(" && ");
        sb.append("chmod ").append(fa.mode() == null ? "0644" : fa.mode()).append(" -- ").append(quote(tmp));
        if (fa.owner() != null) sb.append(" && chown ").append(quote(fa.owner())).append(" -- ").append(quote(tmp));
        if (fa.group() != null) sb.append(" && chgrp ").append(quote(fa.group())).append(" -- ").append(quote(tmp));
        return sb.append(" && mv -f -- ").append(quote(tmp)).append(' ').append(quote(dest)).toString();
    }

    /** In check mode the download goes to /dev/shm or the host's temp dir: nothing may change beside dest, not even its directory. */
    private static String script(ModuleArgs a, String dest, String algorithm, boolean check) {
        String url = quote(a.str("url"));
        long timeout = a.integer("timeout", 10);
        String insecure = a.bool("validate_certs") ? "" : " --insecure";
        String wgetInsecure = a.bool("validate_certs") ? "" : " --no-check-certificate";
        StringBuilder sb = new StringBuilder();
        // as Ansible, also in check mode: a file cannot be put in a directory that is not there
        sb.append("[ -d ").append(quote(ShellDirs.parent(dest))).append(" ] || { echo NODIR; exit 0; }; ");
        // check mode downloads to memory (/dev/shm) when it can: not even the temp dir's time changes on disk
        if (check) sb.append("d=/dev/shm; [ -d $d ] && [ -w $d ] || d=\"${TMPDIR:-/tmp}\"; ");
        String template = check ? "\"$d/.jplay-get.XXXXXX\"" : quote(ShellDirs.parent(dest) + "/.jplay-get.XXXXXX");
        sb.append("t=$(mktemp ").append(template).append(") || exit 1; ");
        sb.append("if command -v curl >/dev/null 2>&1; then code=$(curl -sSL -K - -o \"$t\" -w '%{http_code}' --max-time ")
          .append(timeout).append(insecure).append(" ").append(url).append("); rc=$?; ");
        sb.append("elif command -v wget >/dev/null 2>&1; then wget -q -T ").append(timeout).append(wgetInsecure)
          .append(" -U ").append(quote(a.str("http_agent"))).append(" -O \"$t\" ").append(url).append(" </dev/null; rc=$?; ")
          .append("[ $rc -eq 0 ] && code=200 || code=$rc; ");
        sb.append("else rm -f \"$t\"; echo NOTOOL; exit 0; fi; ");
        sb.append("printf 'H %s\\nR %s\\nT %s\\n' \"$code\" \"$rc\" \"$t\"; ");
        sb.append("case $code in 2*) ;; *) [ $rc -eq 0 ] && [ \"$code\" != 000 ] && rc=1 ;; esac; ");
        sb.append("if [ $rc -eq 0 ]; then printf 'S %s\\nZ %s\\n' \"$(sha1sum < \"$t\" | cut -c1-40)\" \"$(wc -c < \"$t\")\"; ");
        if (algorithm != null) sb.append("printf 'K %s\\n' \"$(").append(algorithm).append("sum < \"$t\" | cut -d' ' -f1)\"; ");
        return sb.append("else rm -f \"$t\"; fi").toString();
    }

    /** curl options that must not appear on the command line: headers, agent, credentials. */
    private static byte[] curlConfig(ModuleArgs a) {
        StringBuilder sb = new StringBuilder();
        sb.append("user-agent = ").append(curlQuote(a.str("http_agent"))).append('\n');
        for (var h : a.dict("headers").entrySet()) {
            sb.append("header = ").append(curlQuote(h.getKey() + ": " + h.getValue())).append('\n');
        }
        if (a.has("url_username")) {
            sb.append("user = ").append(curlQuote(a.str("url_username") + ":" + a.str("url_password", ""))).append('\n');
        }
        if (!a.bool("use_proxy")) sb.append("noproxy = \"*\"\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String curlQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
