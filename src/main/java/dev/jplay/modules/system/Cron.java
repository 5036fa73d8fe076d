package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Diff;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.probes.HostFiles;
import dev.jplay.modules.probes.Probes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cron}: manages named jobs ({@code #Ansible: NAME} comments) and variables in a user's crontab or a
 * {@code /etc/cron.d} file. One round trip reads the crontab, one writes it ({@code crontab -} on stdin, or an
 * atomic file write).
 */
public final class Cron implements Module {
    private final String cronDir;
    private final ModuleSpec spec = ModuleSpec.builder("cron").fqcn("ansible.builtin.cron")
            .doc("Manage cron.d and crontab entries", "Creates, updates and removes named cron jobs and environment variables.")
            .param(Param.of("name").str().required()).param(Param.of("user").str()).param(Param.of("job").str().aliases("value"))
            .param(Param.of("state").str().def("present").choices("absent", "present"))
            .param(Param.of("cron_file").path().doc("A file in /etc/cron.d (relative names go there) instead of the user's crontab."))
            .param(Param.of("backup").bool().def(false).doc("Accepted; no backup is kept."))
            .param(Param.of("minute").str().def("*")).param(Param.of("hour").str().def("*")).param(Param.of("day").str().def("*")
                    .aliases("dom")).param(Param.of("month").str().def("*")).param(Param.of("weekday").str().def("*").aliases("dow"))
            .param(Param.of("special_time").str().choices("annually", "daily", "hourly", "monthly", "reboot", "weekly", "yearly"))
            .param(Param.of("disabled").bool().def(false)).param(Param.of("env").bool().def(false))
            .param(Param.of("insertafter").str()).param(Param.of("insertbefore").str())
            .mutuallyExclusive("insertafter", "insertbefore")
            .diff(true)
            .returns("jobs", "names of the managed jobs", "always").returns("envs", "names of the variables", "always")
            .performance("1 round trip to read the crontab, 1 to write it")
            .example("- ansible.builtin.cron:\n    name: backup\n    minute: '0'\n    hour: '3'\n    job: /usr/local/bin/backup")
            .build();

    public Cron() {
        this("/etc/cron.d");
    }

    /** Relative {@code cron_file} names resolve in {@code cronDir}; for tests. */
    public Cron(String cronDir) {
        this.cronDir = cronDir;
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String error = validate(a);
        if (error != null) return ModuleResult.failed(error);
        String file = a.has("cron_file") ? (a.str("cron_file").startsWith("/") ? a.str("cron_file") : cronDir + "/" + a.str("cron_file")) : null;
        String user = a.str("user");
        Probes.Part read = Probes.run(ctx, file != null ? HostFiles.cat(file) : "crontab" + userFlag(user) + " -l 2>/dev/null").get(0);
        if (file == null && read.rc() > 1) return ModuleResult.failed("Unable to read crontab");
        CronTab tab = new CronTab(read.ok() ? read.out() : "", file == null);
        boolean install = a.str("state").equals("present");
        String header = file != null ? file : user != null ? "crontab for user \"" + user + "\"" : "crontab";
        boolean changed = a.bool("env") ? editEnv(a, tab, install) : editJob(a, tab, install, file, user);
        if (file != null && !install && changed && tab.isEmpty()) {
            ModuleResult r = ModuleResult.changed(true).put("cron_file", a.str("cron_file")).put("state", "absent");
            if (ctx.diff()) r.diff(new Diff(tab.existing, "", header, "/dev/null"));
            if (!ctx.check()) ctx.sh("rm -f " + ShellCommand.quote(file));
            return r;
        }
        if (!changed && !tab.existing.isEmpty() && !tab.existing.endsWith("\n")) changed = true;
        ModuleResult r = ModuleResult.changed(changed).put("jobs", tab.jobNames()).put("envs", tab.envNames());
        // as Ansible: only a job being installed (not an env, not state=absent) is checked
        if (install && !a.bool("env") && a.str("job").replaceAll("^[\r\n]+|[\r\n]+$", "").matches("(?s).*[\r\n].*")) {
            r.warn("Job should not contain line breaks");
        }
        if (changed && !ctx.check()) {
            ModuleResult failed = write(ctx, file, user, tab.render(), read.ok());
            if (failed != null) return failed;
        }
        if (changed && ctx.diff()) r.diff(new Diff(tab.existing, tab.render(), header, header));
        if (file != null) r.put("cron_file", a.str("cron_file"));
        return r;
    }

    private static String validate(ModuleArgs a) {
        boolean timed = List.of("minute", "hour", "day", "month", "weekday").stream().anyMatch(k -> !a.str(k).equals("*"));
        if (a.has("special_time") && timed) return "You must specify time and date fields or special time.";
        if (!a.str("state").equals("present")) return null;
        if (a.has("cron_file") && !a.has("user")) return "To use cron_file=... parameter you must specify user=... as well";
        if (!a.has("job")) return "You must specify 'job' to install a new cron job or variable";
        if ((a.has("insertafter") || a.has("insertbefore")) && !a.bool("env")) {
            return "Insertafter and insertbefore parameters are valid only with env=yes";
        }
        return null;
    }

    private static boolean editEnv(ModuleArgs a, CronTab tab, boolean install) {
        String name = a.str("name");
        String old = tab.findEnv(name);
        if (!install) {
            tab.setEnv(name, null, null, false);
            return old != null;
        }
        String decl = name + "=\"" + a.str("job") + "\"";
        if (decl.equals(old)) return false;
        String other = a.has("insertafter") ? a.str("insertafter") : a.str("insertbefore");
        tab.setEnv(name, decl, other, a.has("insertafter"));
        return true;
    }

    private static boolean editJob(ModuleArgs a, CronTab tab, boolean install, String file, String user) {
        String name = a.str("name");
        if (!install) {
            if (tab.findJob(name, null).isEmpty()) return false;
            tab.updateJob(name, null);
            return true;
        }
        String job = line(a, file != null ? user : null);
        List<String> old = tab.findJob(name, job);
        if (old.isEmpty()) {
            tab.addJob(name, job);
            return true;
        }
        if (!old.get(1).equals(job) || old.size() > 2) {
            tab.updateJob(name, job);
            return true;
        }
        return false;
    }

    /** The job line: {@code [#]m h dom mon dow [user] job} or {@code [#]@special [user] job}. */
    private static String line(ModuleArgs a, String fileUser) {
        List<String> f = new ArrayList<>();
        if (a.has("special_time")) f.add("@" + a.str("special_time"));
        else for (String k : List.of("minute", "hour", "day", "month", "weekday")) f.add(a.str(k));
        if (fileUser != null) f.add(fileUser);
        f.add(a.str("job").replaceAll("^[\r\n]+|[\r\n]+$", ""));
        return (a.bool("disabled") ? "#" : "") + String.join(" ", f);
    }

    private static String userFlag(String user) {
        return user == null ? "" : " -u " + ShellCommand.quote(user);
    }

    private static ModuleResult write(ModuleContext ctx, String file, String user, String text, boolean existed)
            throws ConnectionException {
        if (file != null) {
            HostFiles.write(ctx, file, text, existed ? null : "0644");
            return null;
        }
        ExecResult r = ctx.exec(ExecRequest.of("crontab" + userFlag(user) + " -").withStdin(text.getBytes(StandardCharsets.UTF_8)));
        return r.ok() ? null : ModuleResult.failed("Unable to write crontab: " + r.err().strip()).put("rc", (long) r.rc());
    }
}
