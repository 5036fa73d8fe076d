package dev.jplay.template;

import dev.jplay.data.VaultText;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Lookups on the controller's files, environment, commands and variables: file, env, template, pipe, lines, fileglob, vars, varnames, first_found, config, unvault. */
final class Lookups {
    private Lookups() {}

    static Fn.Lookup get(String name) {
        return switch (name) {
            case "file" -> Lookups::file;
            case "env" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) {
                    String v = System.getenv(PyOps.str(t));
                    out.add(v != null ? v : kw.getOrDefault("default", ""));
                }
                return out;
            };
            case "template" -> Lookups::template;
            case "pipe" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) out.add(PyMethods.strip(run(PyOps.str(t), "pipe"), null, false, true));
                return out;
            };
            case "lines" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) out.addAll(PyMethods.lines(run(PyOps.str(t), "lines"), false));
                return out;
            };
            case "fileglob" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) out.addAll(glob(e, PyOps.str(t)));
                return out;
            };
            case "vars" -> Lookups::vars;
            case "varnames" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) {
                    if (!(t instanceof CharSequence)) {
                        throw new EvalError("Invalid setting identifier, \"" + PyOps.str(t) + "\" is not a string, it is a " + DictFilters.pyClass(t));
                    }
                    Pattern p;
                    try {
                        p = PyRegex.pattern(t.toString(), false, false);
                    } catch (PatternSyntaxException ex) {
                        throw new EvalError("Unable to use \"" + t + "\" as a search parameter: " + PyRegex.pythonError(ex));
                    }
                    for (String n : e.ctx.scope().names()) if (p.matcher(n).find()) out.add(n);
                }
                return out;
            };
            case "first_found" -> FirstFound::run;
            case "config" -> Lookups::config;
            case "unvault" -> (e, terms, kw) -> {
                List<Object> out = new ArrayList<>();
                for (Object t : terms) {
                    Path p = find(e.ctx, PyOps.str(t), "files");
                    if (p == null) throw Library.LookupFailure.unhandled("ansible.errors.AnsibleParserError", "Unable to find file matching \"" + t + "\" ");
                    String text = read(p);
                    out.add(Decrypter.isVault(text) ? e.ctx.scope().decrypt(new VaultText(text, Loc.of(p.toString()))) : text);
                }
                return out;
            };
            case "url" -> UrlLookup::run;
            case "password" -> PasswordLookup::run;
            default -> null;
        };
    }

    private static List<Object> file(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            Path p = find(e.ctx, PyOps.str(t), "files");
            if (p == null || Files.isDirectory(p)) {
                e.warn("Unable to find '" + PyOps.str(t) + "' in expected paths (use -vvvvv to see paths)");
                throw new EvalError("could not locate file in lookup: " + PyOps.str(t));
            }
            String s = read(p);
            if (Decrypter.isVault(s)) {
                try {
                    s = e.ctx.scope().decrypt(new VaultText(s, Loc.of(p.toString())));
                } catch (SourceException ex) {
                    throw new EvalError(ex.getMessage());
                }
            }
            if (!kw.containsKey("rstrip") || PyOps.truthy(kw.get("rstrip"))) s = PyMethods.strip(s, null, false, true);
            if (kw.containsKey("lstrip") && PyOps.truthy(kw.get("lstrip"))) s = PyMethods.strip(s, null, true, false);
            out.add(s);
        }
        return out;
    }

    /** {@code lookup('template', name, template_vars={}, convert_data=True, variable_start_string=..., ...)}. */
    private static List<Object> template(Env e, List<Object> terms, Map<String, Object> kw) {
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        boolean convert = true;
        for (var k : kw.entrySet()) {
            switch (k.getKey()) {
                case "template_vars" -> {
                    if (k.getValue() instanceof Map<?, ?> m) m.forEach((x, y) -> extra.put(PyOps.keyString(x), y));
                }
                case "convert_data" -> convert = PyOps.truthy(k.getValue());
                case "jinja2_native" -> {
                    // without the jinja2_native setting Ansible renders the file as text whatever this option says
                    if (PyOps.truthy(k.getValue()) && e.templar.jinja2Native()) {
                        throw new EvalError("jplay's template lookup renders text only: jinja2_native=True is not supported");
                    }
                }
                case "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string" ->
                        options.put(k.getKey(), k.getValue());
                default -> throw Library.LookupFailure.lookupError("Unrecognized option: " + k.getKey());
            }
        }
        Syntax sx = Syntax.FILE.with(options);
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            Path p = find(e.ctx, PyOps.str(t), "templates");
            if (p == null) throw new EvalError("the template file " + PyOps.str(t) + " could not be found for the lookup");
            Env sub = extra.isEmpty() ? e.withContext() : e.withScope(e.ctx.scope().with(extra));
            String res = e.templar.renderNested(p, sub, sx);
            out.add(convert ? Templar.literalOrText(res) : res);
        }
        return out;
    }

    private static List<Object> vars(Env e, List<Object> terms, Map<String, Object> kw) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (!(t instanceof CharSequence)) {
                throw new EvalError("Invalid setting identifier, \"" + PyOps.str(t) + "\" is not a string, its a " + DictFilters.pyClass(t));
            }
            Object v = e.ctx.scope().get(t.toString());
            if (v instanceof Undefined) {
                if (kw.get("default") == null) throw Library.LookupFailure.undefined("No variable found with this name: " + t);
                v = kw.get("default");
            }
            out.add(v);
        }
        return out;
    }

    private static List<Object> config(Env e, List<Object> terms, Map<String, Object> kw) {
        String onMissing = kw.containsKey("on_missing") ? PyOps.str(kw.get("on_missing")) : "error";
        if (!List.of("error", "warn", "skip").contains(onMissing)) {
            throw new EvalError("\"on_missing\" must be a string and one of \"error\", \"warn\" or \"skip\", not " + onMissing);
        }
        if (kw.containsKey("plugin_type") || kw.containsKey("plugin_name")) {
            throw new EvalError("jplay's config lookup reads the core settings only (plugin_type and plugin_name are not supported)");
        }
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            String name = PyOps.str(t);
            java.util.Optional<Object> v = e.templar.setting(name);
            if (v.isPresent()) {
                out.add(v.get());
            } else if (onMissing.equals("error")) {
                throw Library.LookupFailure.lookupError("Unable to find setting " + name);
            } else if (onMissing.equals("warn")) {
                e.warn("Skipping, did not find setting " + name);
            }
        }
        return out;
    }

    /** The first existing candidate: the name as is when absolute, else in each search path (kind subdir first). */
    static Path find(TemplateContext ctx, String name, String kind) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        for (Path base : ctx.searchPaths()) {
            for (Path c : List.of(base.resolve(kind).resolve(name), base.resolve(name))) {
                if (Files.exists(c)) return c.normalize();
            }
        }
        return null;
    }

    static String read(Path p) {
        return read(p, StandardCharsets.UTF_8);
    }

    static String read(Path p, java.nio.charset.Charset charset) {
        try {
            return Files.readString(p, charset);
        } catch (IOException ex) {
            throw new EvalError("could not read file " + p + ": " + ex.getMessage());
        }
    }

    /** Runs a command on the controller through /bin/sh (the pipe and lines lookups). */
    private static String run(String command, String lookup) {
        try {
            Process proc = new ProcessBuilder("/bin/sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            proc.getOutputStream().close();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = proc.waitFor();
            if (rc != 0) throw new EvalError("lookup_plugin." + lookup + "(" + command + ") returned " + rc);
            return out;
        } catch (IOException ex) {
            throw new EvalError("lookup_plugin." + lookup + "(" + command + ") failed: " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EvalError("interrupted while running " + command);
        }
    }

    /** The fileglob lookup: the pattern in each search path's files/ and itself; the first directory with matches wins. */
    private static List<Object> glob(Env e, String pattern) {
        Path pat = Path.of(pattern);
        String file = pat.getFileName().toString();
        List<Path> dirs = new ArrayList<>();
        if (pat.getParent() != null) {
            Path d = pat.isAbsolute() ? pat.getParent() : find(e.ctx, pat.getParent().toString(), "files");
            if (d != null) dirs.add(d);
        } else {
            for (Path base : e.ctx.searchPaths()) {
                dirs.add(base.resolve("files"));
                dirs.add(base);
            }
        }
        for (Path d : dirs) {
            List<Object> found = new ArrayList<>();
            for (Path p : Globs.match(d.resolve(file).toString())) if (Files.isRegularFile(p)) found.add(p.toAbsolutePath().normalize().toString());
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }
}
