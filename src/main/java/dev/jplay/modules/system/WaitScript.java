package dev.jplay.modules.system;

import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.ModuleArgs;

/**
 * The host-side polling loop of {@code wait_for}: prints {@code OK elapsed} and the matched text, or
 * {@code TIMEOUT elapsed}. The deadline counts from the start, before {@code delay}, as Ansible does.
 */
final class WaitScript {
    private WaitScript() {}

    static String build(ModuleArgs a, String state) {
        long timeout = a.integer("timeout", 300);
        String check;
        String show = "true";
        if (a.has("port")) {
            String ct = String.valueOf(a.integer("connect_timeout", 5));
            String open = "timeout " + ct + " bash -c " + ShellCommand.quote("exec 3<>/dev/tcp/" + a.str("host") + "/" + a.integer("port")
                    + (a.has("search_regex") ? "; timeout " + ct + " cat <&3" : "")) + " 2>/dev/null";
            check = switch (state) {
                case "stopped" -> "! " + open + " >/dev/null";
                case "drained" -> "[ \"$(ss -Htn state established " + ShellCommand.quote("( sport = :" + a.integer("port") + " )")
                        + " 2>/dev/null | wc -l)\" -eq 0 ]";
                default -> a.has("search_regex")
                        ? "d=$(" + open + "); printf '%s' \"$d\" | grep -qP " + ShellCommand.quote(a.str("search_regex"))
                        : open + " >/dev/null";
            };
            if (a.has("search_regex")) show = "printf '%s' \"$d\"";
        } else if (a.has("path")) {
            String p = ShellCommand.quote(a.str("path"));
            show = "stat -c '%u %g %U %G %a %s %F' " + p;
            if (state.equals("absent")) check = "[ ! -e " + p + " ]";
            else if (a.has("search_regex")) {
                check = "[ -f " + p + " ] && grep -qP " + ShellCommand.quote(a.str("search_regex")) + " " + p;
                show = show + "; cat " + p;
            } else check = "[ -e " + p + " ]";
        } else {
            return "start=$(date +%s); sleep " + (a.integer("delay", 0) + timeout) + "; echo \"" + WaitFor.OK + "$(( $(date +%s) - start ))\"";
        }
        return "start=$(date +%s%N); end=$((start / 1000000000 + " + timeout + ")); sleep " + a.integer("delay", 0) + "; "
                + "while :; do if " + check + "; then echo \"" + WaitFor.OK + "$(( ($(date +%s%N) - start) / 1000000000 ))\"; " + show + "; exit 0; fi; "
                + "[ $(date +%s) -ge $end ] && { echo \"" + WaitFor.TIMEOUT + "$(( ($(date +%s%N) - start) / 1000000000 ))\"; exit 1; }; "
                + "sleep " + a.integer("sleep", 1) + "; done";
    }
}
