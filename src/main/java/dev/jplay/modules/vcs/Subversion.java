package dev.jplay.modules.vcs;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code subversion}: Ansible's subversion module with the host's svn: checkout, export, switch, update, revert of
 * local modifications with {@code force}, checkout over an existing directory ({@code in_place}); before/after as
 * ansible-core 2.14 reports them. One round trip ({@code subversion.sh}). A password reaches svn on stdin
 * ({@code --password-from-stdin}, svn 1.10+); where svn is older, the module fails rather than put it on svn's
 * command line as Ansible does.
 */
public final class Subversion implements Module {
    private static final HostScript SCRIPT = HostScript.load(Subversion.class, "subversion.sh");
    private static final ModuleSpec SPEC = ModuleSpec.builder("subversion").fqcn("ansible.builtin.subversion", "ansible.legacy.subversion")
            .doc("Deploys a subversion repository", "Deploy given repository URL / revision to dest. If dest exists, update to the specified "
                    + "revision, otherwise perform a checkout.")
            .param(Param.of("repo").str().required().aliases("name", "repository").doc("The subversion URL to the repository."))
            .param(Param.of("dest").path().doc("Absolute path where the repository should be deployed (required unless checkout, update "
                    + "and export are all false)."))
            .param(Param.of("revision").str().def("HEAD").aliases("rev", "version").doc("Specific revision to checkout."))
            .param(Param.of("force").bool().def(false).doc("Discard modified files (revert) / overwrite files on export."))
            .param(Param.of("in_place").bool().def(false).doc("Check out over an existing directory that is not a working copy."))
            .param(Param.of("username").str().doc("--username parameter passed to svn."))
            .param(Param.of("password").str().noLog().doc("--password parameter passed to svn (given on stdin)."))
            .param(Param.of("executable").path().doc("Path to svn executable to use."))
            .param(Param.of("checkout").bool().def(true).doc("If false, do not check out the repository if it does not exist locally."))
            .param(Param.of("update").bool().def(true).doc("If false, do not retrieve new revisions from the origin repository."))
            .param(Param.of("export").bool().def(false).doc("If true, do export instead of checkout/update."))
            .param(Param.of("switch").bool().def(true).doc("If false, do not call svn switch before update."))
            .param(Param.of("validate_certs").bool().def(false).doc("If false, pass --trust-server-cert to svn."))
            .returns("before", "the working copy's Revision and URL lines before (the revision line in check mode)", "success")
            .returns("after", "the Revision and URL lines after (the remote revision line when nothing is to be done)", "success")
            .example("- ansible.builtin.subversion:\n    repo: svn+ssh://an.example.org/path/to/repo\n    dest: /src/checkout")
            .performance("1 round trip (the module's logic runs on the host as one sh script)").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        Map<String, String> vars = HostScript.vars("SVN", a.str("executable"), "REPO", a.str("repo"), "DEST", a.str("dest"),
                "REV", a.str("revision"), "FORCE", flag(a, "force"), "INPLACE", flag(a, "in_place"), "USERNAME", a.str("username"),
                "PASSWORD", a.str("password"), "CHECKOUT", flag(a, "checkout"), "UPDATE", flag(a, "update"), "EXPORT", flag(a, "export"),
                "SWITCH", flag(a, "switch"), "VALIDATE", flag(a, "validate_certs"), "CHECK", ctx.check() ? "1" : "0");
        HostScript.Fields f = SCRIPT.run(ctx, vars);
        ModuleResult failure = f.reportedFailure();
        if (failure != null) return failure;
        if (!f.has("changed")) return f.printedNothing("subversion");
        ModuleResult r = ModuleResult.changed("1".equals(f.get("changed")));
        if (f.has("only_changed")) return r;
        if (f.has("before_none")) r.put("before", null);
        else if (f.has("before_rev")) r.put("before", pair(f, "before"));
        else if (f.has("before")) r.put("before", f.get("before"));
        if (f.has("after_rev")) r.put("after", pair(f, "after"));
        else if (f.has("after")) r.put("after", f.get("after"));
        return r;
    }

    private static List<Object> pair(HostScript.Fields f, String key) {
        return new ArrayList<>(List.of(f.get(key + "_rev"), f.get(key + "_url")));
    }

    private static String flag(ModuleArgs a, String name) {
        return a.bool(name) ? "1" : "0";
    }
}
