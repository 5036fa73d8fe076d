package dev.jplay.modules.packages;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ShellCommand;
import dev.jplay.connection.ShellWords;
import dev.jplay.modules.HostScript;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.modules.python.Interpreter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code pip}: Python packages with the host's pip (the interpreter's {@code -m pip}, {@code pip3}, or a
 * virtualenv's, created with {@code virtualenv_command} when missing), as Ansible's module runs it: pip itself
 * decides (changed when it says "Successfully installed/uninstalled", or when {@code pip list} differs for
 * requirement files and VCS URLs); check mode compares the requested specifiers with {@code pip list}. One round
 * trip ({@code pip.sh}).
 */
public final class Pip implements Module {
    private static final HostScript SCRIPT = HostScript.load(Pip.class, "pip.sh");
    private static final Map<String, List<String>> STATES = Map.of("present", List.of("install"), "absent", List.of("uninstall", "-y"),
            "latest", List.of("install", "-U"), "forcereinstall", List.of("install", "-U", "--force-reinstall"));
    private static final Pattern VCS = Pattern.compile("^(svn|git|hg|bzr)\\+");
    private static final ModuleSpec SPEC = ModuleSpec.builder("pip").fqcn("ansible.builtin.pip", "ansible.legacy.pip")
            .doc("Manages Python library dependencies", "Manage Python library dependencies with the host's pip, optionally in a virtualenv.")
            .param(Param.of("name").list(ParamType.STR).doc("The name of a Python library to install or the url(bzr+,hg+,git+,svn+) of the remote package."))
            .param(Param.of("version").str().doc("The version number to install of the Python library specified in the name parameter."))
            .param(Param.of("requirements").str().doc("The path to a pip requirements file, local to the remote system."))
            .param(Param.of("virtualenv").path().doc("An optional path to a virtualenv directory to install into; created when missing."))
            .param(Param.of("virtualenv_site_packages").bool().def(false).doc("Whether the virtual environment inherits global site-packages."))
            .param(Param.of("virtualenv_command").path().def("virtualenv").doc("The command or a pathname to the command to create the virtual environment."))
            .param(Param.of("virtualenv_python").str().doc("The Python executable used for creating the virtual environment."))
            .param(Param.of("state").str().def("present").choices("absent", "forcereinstall", "latest", "present").doc("The state of module."))
            .param(Param.of("extra_args").str().doc("Extra arguments passed to pip."))
            .param(Param.of("editable").bool().def(false).doc("Pass the editable flag."))
            .param(Param.of("chdir").path().doc("cd into this directory before running the command."))
            .param(Param.of("executable").path().doc("The explicit executable or pathname for the pip executable."))
            .param(Param.of("umask").str().doc("The system umask to apply before installing the pip package."))
            .requiredOneOf("name", "requirements").mutuallyExclusive("name", "requirements").mutuallyExclusive("executable", "virtualenv")
            .returns("cmd", "pip command used by the module", "success").returns("name", "list of Python modules targeted by pip", "success")
            .returns("requirements", "Path to the requirements file", "success").returns("version", "Version of the package specified in 'version'", "success")
            .returns("virtualenv", "Path to the virtualenv", "success").returns("stdout", "pip's output", "success")
            .example("- ansible.builtin.pip:\n    name: bottle\n    version: 0.11\n    virtualenv: /my_app/venv")
            .performance("1 round trip (2 more pip list runs inside it for requirements files and VCS URLs)").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String state = a.str("state");
        String version = a.str("version");
        String umask = a.str("umask");
        if (umask != null && !umask.strip().matches("(0o)?[0-7]+")) return ModuleResult.failed("umask must be an octal integer");
        if (state.equals("latest") && version != null) return ModuleResult.failed("version is incompatible with state=latest");
        String env = a.str("virtualenv");
        if (env != null && a.has("chdir") && !env.startsWith("/")) env = a.str("chdir").replaceAll("/+$", "") + "/" + env;
        List<String> names = a.has("name") ? a.strings("name") : null;
        List<PipRequirement> packages = new ArrayList<>();
        boolean vcs = false;
        if (names != null) {
            for (String n : names) vcs |= n != null && VCS.matcher(n).find();
            for (String n : recoverNames(names)) packages.add(PipRequirement.parse(n));
            if (version != null) {
                if (packages.size() > 1) {
                    return ModuleResult.failed("'version' argument is ambiguous when installing multiple package distributions. "
                            + "Please specify version restrictions next to each package in 'name' argument.");
                }
                if (packages.get(0).hasVersionSpecifier()) {
                    return ModuleResult.failed("The 'version' argument conflicts with any version specifier provided along with a package name. "
                            + "Please keep the version specifier, but remove the 'version' argument.");
                }
                packages.set(0, PipRequirement.withVersion(packages.get(0).toString(), version));
            }
        }
        String extra = a.str("extra_args");
        if (a.bool("editable")) {
            List<String> words = extra == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(extra.split(" ", -1)));
            if (!words.contains("-e")) {
                words.add("-e");
                extra = String.join(" ", words);
            }
        }
        List<String> args = new ArrayList<>(STATES.get(state));
        if (extra != null && !extra.isEmpty()) args.addAll(ShellWords.split(extra));
        if (names != null && !names.isEmpty()) packages.forEach(p -> args.add(p.toString()));
        else if (a.has("requirements")) args.addAll(List.of("-r", a.str("requirements")));
        else return ModuleResult.ok().put("warnings", new ArrayList<Object>(List.of("No valid name or requirements file found.")));
        boolean simpleCheck = extra != null || a.has("requirements") || state.equals("latest") || names == null || names.isEmpty();
        StringBuilder quoted = new StringBuilder();
        for (String w : args) quoted.append(ShellCommand.quote(w)).append(' ');
        HostScript.Fields f = SCRIPT.run(ctx, HostScript.vars("PYC", interpreter(ctx), "EXE", a.str("executable"), "VENV", env,
                "VCMD", a.str("virtualenv_command"), "VSITE", a.bool("virtualenv_site_packages") ? "1" : "0", "VPY", a.str("virtualenv_python"),
                "STATE", state, "CHDIR", a.str("chdir"), "UMASK", umask == null ? null : umask.strip().replace("0o", "0"),
                "CHECK", ctx.check() ? "1" : "0", "LIST", simpleCheck ? "0" : "1", "FREEZE", a.has("requirements") || vcs ? "1" : "0",
                "ARGS", quoted.toString().strip()));
        if (f.all().isEmpty()) return f.printedNothing("pip");
        List<Object> cmd = new ArrayList<>(f.every("pip"));
        if (f.has("failed")) {
            ModuleResult r = ModuleResult.failed(f.get("msg"));
            if (f.has("failed_cmd")) {
                List<Object> full = new ArrayList<>(cmd);
                full.addAll(args);
                String fc = f.get("failed_cmd");
                r.put("cmd", !cmd.isEmpty() && fc.equals(String.join(" ", full.stream().map(String::valueOf).toList()))
                        ? full : new ArrayList<Object>(Arrays.asList(fc.split(" "))));
            }
            return r;
        }
        if (ctx.check()) {
            if (f.has("venv_created") || simpleCheck) return ModuleResult.changed(true);
            return ModuleResult.changed(checkChanged(packages, f.get("stdout"), state)).put("cmd", f.get("list_cmd"))
                    .put("stdout", f.get("stdout")).put("stderr", f.get("stderr")).withOutputLines();
        }
        String out = f.get("pip_stdout");
        boolean changed = state.equals("absent") ? out.contains("Successfully uninstalled")
                : a.has("requirements") || vcs ? f.has("freeze_changed") : out.contains("Successfully installed");
        cmd.addAll(args);
        return ModuleResult.changed(changed || f.has("venv_created")).put("cmd", cmd).put("name", names == null ? null : new ArrayList<Object>(names))
                .put("version", version).put("state", state).put("requirements", a.str("requirements")).put("virtualenv", env)
                .put("stdout", f.get("stdout")).put("stderr", f.get("stderr")).withOutputLines();
    }

    /** The Python pip runs under: the host's known one, else discovery's candidates (the script takes the first found). */
    private static String interpreter(ModuleContext ctx) {
        String known = Interpreter.known(ctx);
        return known.isEmpty() ? String.join(" ", Interpreter.CANDIDATES) : known;
    }

    private static boolean checkChanged(List<PipRequirement> packages, String listed, String state) {
        List<String> installed = new ArrayList<>();
        for (String l : listed.split("\n")) {
            if (!l.isEmpty() && !l.startsWith("You are using") && !l.startsWith("You should consider")) installed.add(l);
        }
        for (PipRequirement p : packages) {
            boolean present = false;
            for (String l : installed) {
                String[] nv = l.split("==", -1);
                if (nv.length != 2) continue;
                if (PipRequirement.canonical(nv[0]).equals(p.packageName()) && p.satisfiedBy(nv[1])) present = true;
            }
            if ((state.equals("present") && !present) || (state.equals("absent") && present)) return true;
        }
        return false;
    }

    /** Ansible's _recover_package_name: version specifiers split off by commas joined back to their package. */
    static List<String> recoverNames(List<String> names) {
        List<String> flat = new ArrayList<>();
        for (String n : names) flat.addAll(Arrays.asList(n.split(",", -1)));
        List<String> out = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        boolean inBrackets = false;
        for (String n : flat) {
            String t = n.stripLeading();
            boolean isName = !(t.startsWith(">=") || t.startsWith("<=") || t.startsWith(">") || t.startsWith("<") || t.startsWith("==")
                    || t.startsWith("!=") || t.startsWith("~="));
            if (isName && !inBrackets) {
                if (!parts.isEmpty()) out.add(String.join(",", parts));
                parts = new ArrayList<>();
            }
            if (n.contains("[")) inBrackets = true;
            if (inBrackets && n.contains("]")) inBrackets = false;
            parts.add(n);
        }
        out.add(String.join(",", parts));
        return out;
    }
}
