package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.FileAttrs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import java.util.UUID;

/**
 * The write path shared by copy, template, lineinfile, blockinfile and replace: new content goes to the host with
 * {@code put} (atomic), with the task's attributes (or the replaced file's), after an optional {@code validate}
 * command on a temporary copy and an optional timestamped backup of the old file.
 */
final class Writer {
    private Writer() {}

    /** The outcome: the backup file written (or null), or a failure result. */
    record Written(String backup, ModuleResult failure) {}

    /** The shell commands that copy {@code path} to a timestamped backup and print {@code backup=<file>}. */
    static String backupCommand(String path) {
        return "b_=" + quote(path) + ".$$.$(date +%Y-%m-%d@%H:%M:%S~) && cp -p -- " + quote(path)
                + " \"$b_\" && printf 'backup=%s\\n' \"$b_\"";
    }

    /** Validates that {@code validate} contains {@code %s}; null when fine, else the failure. */
    static ModuleResult checkValidate(String validate) {
        if (validate != null && !validate.contains("%s")) return ModuleResult.failed("validate must contain %s: " + validate);
        return null;
    }

    static Written write(ModuleContext ctx, String dest, byte[] data, FileState current, Attrs attrs, boolean backup,
                         String validate) throws ConnectionException {
        FileAttrs fa = attrs.forWrite(current);
        boolean doBackup = backup && current.exists();
        if (validate == null && !doBackup) {
            ctx.put(data, dest, fa);
            return new Written(null, null);
        }
        String tmp = ShellDirs.parent(dest) + "/." + ShellDirs.base(dest) + ".jplay-" + UUID.randomUUID().toString().substring(0, 8);
        if (validate == null) {
            ExecResult r = ctx.sh(backupCommand(dest));
            if (!r.ok()) return new Written(null, ModuleResult.failed("Could not make backup of " + dest + ": " + r.err().strip()));
            ctx.put(data, dest, fa);
            return new Written(backupPath(r.out()), null);
        }
        ctx.put(data, tmp, fa);
        String qt = quote(tmp);
        String script = "v_() { " + validate.replace("%s", qt) + "\n}; v_; rc_=$?; if [ $rc_ -ne 0 ]; then rm -f -- " + qt
                + "; exit 86; fi; " + (doBackup ? backupCommand(dest) + " && " : "") + "mv -f -- " + qt + " " + quote(dest);
        ExecResult r = ctx.sh(script);
        if (r.rc() == 86) {
            return new Written(null, ModuleResult.failed("failed to validate").put("exit_status", 1L)
                    .put("stdout", r.out()).put("stderr", r.err()));
        }
        if (!r.ok()) return new Written(null, ModuleResult.failed("cannot write " + dest + ": " + r.err().strip()));
        return new Written(backupPath(r.out()), null);
    }

    private static String backupPath(String out) {
        for (String l : out.split("\n")) if (l.startsWith("backup=")) return l.substring(7);
        return null;
    }
}
