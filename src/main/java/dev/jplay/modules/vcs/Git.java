package dev.jplay.modules.vcs;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.util.Map;

/**
 * {@code git}: Ansible's git module with the host's git: clone, fetch, switch to a version (branch, tag, sha),
 * shallow and single-branch clones, refspec, bare repositories, submodules, signature checks, archives, a separate
 * git dir. The whole decision runs on the host in one round trip ({@code git.sh}); results and messages as
 * ansible-core 2.14's.
 */
public final class Git implements Module {
    private static final HostScript SCRIPT = HostScript.load(Git.class, "git.sh");
    private static final ModuleSpec SPEC = ModuleSpec.builder("git").fqcn("ansible.builtin.git", "ansible.legacy.git")
            .doc("Deploy software (or files) from git checkouts", "Manages git checkouts of repositories to deploy files or software, "
                    + "with the host's git.")
            .param(Param.of("repo").str().required().aliases("name").doc("git, SSH, or HTTP(S) protocol address of the git repository."))
            .param(Param.of("dest").path().doc("The path of where the repository should be checked out (required unless clone=no)."))
            .param(Param.of("version").str().def("HEAD").doc("What version of the repository to check out: HEAD, a branch, a tag or a SHA-1."))
            .param(Param.of("remote").str().def("origin").doc("Name of the remote."))
            .param(Param.of("refspec").str().doc("Additional refspec to be fetched."))
            .param(Param.of("reference").str().doc("Reference repository (see git clone --reference)."))
            .param(Param.of("force").bool().def(false).doc("Discard local modifications in the working repository."))
            .param(Param.of("depth").integer().doc("Create a shallow clone with a history truncated to this many revisions."))
            .param(Param.of("clone").bool().def(true).doc("If false, do not clone the repository even if it does not exist locally."))
            .param(Param.of("update").bool().def(true).doc("If false, do not retrieve new revisions from the origin repository."))
            .param(Param.of("verify_commit").bool().def(false).doc("Verify the GPG signature of the commit or tag checked out."))
            .param(Param.of("gpg_whitelist").list(ParamType.STR).def(java.util.List.of()).doc("Fingerprints of GPG keys trusted with verify_commit."))
            .param(Param.of("accept_hostkey").bool().def(false).doc("Add -o StrictHostKeyChecking=no to the ssh command line."))
            .param(Param.of("accept_newhostkey").bool().def(false).doc("Add -o StrictHostKeyChecking=accept-new to the ssh command line."))
            .param(Param.of("key_file").path().doc("The private key to use for SSH repositories."))
            .param(Param.of("ssh_opts").str().doc("Options git passes to ssh."))
            .param(Param.of("executable").path().doc("Path to the git executable."))
            .param(Param.of("bare").bool().def(false).doc("Create a bare repository."))
            .param(Param.of("recursive").bool().def(true).doc("Clone and update submodules recursively."))
            .param(Param.of("single_branch").bool().def(false).doc("Clone only the history of the branch or tag given as version."))
            .param(Param.of("track_submodules").bool().def(false).doc("Track the latest commit on the master branch of submodules."))
            .param(Param.of("umask").raw().doc("The umask (a quoted octal string) for the operation."))
            .param(Param.of("archive").path().doc("Create an archive (zip, tar.gz, tar, tgz by extension) of the version."))
            .param(Param.of("archive_prefix").str().doc("Prefix for every file in the archive."))
            .param(Param.of("separate_git_dir").path().doc("Keep the git directory here instead of dest/.git."))
            .mutuallyExclusive("separate_git_dir", "bare").mutuallyExclusive("accept_hostkey", "accept_newhostkey")
            .diff(true)
            .returns("before", "Last commit revision of the repository retrieved before the update", "success")
            .returns("after", "Last commit revision of the repository retrieved during the update", "success")
            .returns("remote_url_changed", "Whether the remote URL was changed", "success")
            .returns("git_dir_now", "The git directory now (separate_git_dir)", "success")
            .returns("git_dir_before", "The git directory before it was moved", "success")
            .example("- ansible.builtin.git:\n    repo: https://github.com/ansible/ansible-examples.git\n    dest: /src/ansible-examples\n"
                    + "    version: main")
            .performance("1 round trip (the module's logic runs on the host as one sh script)").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        if (a.has("archive_prefix") && !a.has("archive")) return ModuleResult.failed("missing parameter(s) required by 'archive_prefix': archive");
        String umask = null;
        if (a.has("umask")) {
            if (!(a.get("umask") instanceof String s)) return ModuleResult.failed("umask must be defined as a quoted octal integer");
            if (!s.strip().matches("(0o)?[0-7]+")) return ModuleResult.failed("umask must be an octal integer");
            umask = s.strip().replace("0o", "0");
        }
        Long depth = a.integer("depth");
        Map<String, String> vars = HostScript.vars("G", a.str("executable", "git"), "REPO", a.str("repo"), "DEST", a.str("dest"),
                "VERSION", a.str("version"), "REMOTE", a.str("remote"), "REFSPEC", a.str("refspec"), "REFERENCE", a.str("reference"),
                "FORCE", flag(a, "force"), "DEPTH", depth == null || depth == 0 ? "" : depth.toString(), "CLONE", flag(a, "clone"),
                "UPDATE", flag(a, "update"), "BARE", flag(a, "bare"), "RECURSIVE", flag(a, "recursive"), "SINGLE", flag(a, "single_branch"),
                "TRACK", flag(a, "track_submodules"), "VERIFY", flag(a, "verify_commit"),
                "GPG_WHITELIST", String.join("\n", a.strings("gpg_whitelist")), "UMASK", umask, "ARCHIVE", a.str("archive"),
                "APREFIX", a.str("archive_prefix"), "SEPARATE", a.str("separate_git_dir"), "GIT_SSH_OPTS_J", sshOpts(a),
                "CHECK", ctx.check() ? "1" : "0", "DIFF", ctx.diff() ? "1" : "0");
        HostScript.Fields f = SCRIPT.run(ctx, vars);
        if (f.all().isEmpty()) {
            return f.printedNothing("git");
        }
        return result(f);
    }

    private static String flag(ModuleArgs a, String name) {
        return a.bool(name) ? "1" : "0";
    }

    /** The ssh options git passes to ssh, as Ansible's module builds them (GIT_SSH_COMMAND). */
    static String sshOpts(ModuleArgs a) {
        String opts = a.str("ssh_opts");
        if (a.bool("accept_hostkey")) opts = withStrict(opts, "no");
        if (a.bool("accept_newhostkey")) opts = withStrict(opts, "accept-new");
        opts = opts == null ? "" : " " + opts;
        if (a.bool("accept_hostkey") && !opts.contains("StrictHostKeyChecking=no")) opts += " -o StrictHostKeyChecking=no";
        if (!opts.contains("BatchMode=yes")) opts += " -o BatchMode=yes";
        String key = a.str("key_file");
        if (key != null) {
            if (!opts.contains("-i " + key)) opts += "  -i " + key;
            if (!opts.contains("IdentitiesOnly=yes")) opts += " -o IdentitiesOnly=yes";
        }
        return opts.strip();
    }

    private static String withStrict(String opts, String value) {
        String o = "-o StrictHostKeyChecking=" + value;
        if (opts == null) return o;
        if (opts.contains("-o StrictHostKeyChecking=no") || opts.contains("-o StrictHostKeyChecking=accept-new")) return opts;
        return opts + " " + o;
    }

    private static ModuleResult result(HostScript.Fields f) {
        ModuleResult r = ModuleResult.ok();
        boolean failed = f.has("failed");
        if (!failed || f.has("keep_before")) r.put("before", blank(f.get("before")));
        if (f.has("after")) r.put("after", f.get("after"));
        for (String k : new String[] {"remote_url_changed", "submodules_changed"}) if (f.has(k)) r.put(k, f.get(k).equals("1"));
        for (String k : new String[] {"git_dir_before", "git_dir_now", "details"}) if (f.has(k)) r.put(k, f.get(k));
        if (f.has("rc")) {
            r.put("rc", Long.parseLong(f.get("rc").strip())).put("stdout", f.get("stdout")).put("stderr", f.get("stderr")).put("cmd", f.get("cmd"))
                    .withOutputLines();
        }
        if (!f.every("warning").isEmpty()) r.put("warnings", new java.util.ArrayList<Object>(f.every("warning")));
        r.setChanged("1".equals(f.get("changed")));
        if (f.has("prepared")) {
            String p = f.get("prepared");
            r.put("diff", Map.of("prepared", p));
        }
        if (failed) return r.fail(f.get("msg"));
        if (f.has("msg")) r.put("msg", f.get("msg"));
        return r;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
