package dev.jplay.modules.core;

import dev.jplay.data.MergeHash;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code include_vars}: loads variables from YAML/JSON files on the controller (a file, or a directory tree).
 * Returns them under {@code ansible_facts}; the executor keeps them at include_vars precedence.
 */
public final class IncludeVars implements Module {
    private static final List<String> DIR_ARGS = List.of("dir", "depth", "files_matching", "ignore_files", "extensions",
            "ignore_unknown_extensions");
    private static final List<String> FILE_ARGS = List.of("file", "_raw_params");
    private static final List<String> EXTENSIONS = List.of("yaml", "yml", "json");
    private static final String NOT_FOUND_HINT = " on the Ansible Controller.\n"
            + "If you are using a module and expect the file to exist on the remote, see the remote_src option";

    private static final ModuleSpec SPEC = ModuleSpec.builder("include_vars")
            .doc("Load variables from files, dynamically within a task", "Reads a vars file (searched in the role's vars/, "
                    + "the task file's directory and the playbook directory) or every matching file of a directory.")
            .freeForm("_raw_params")
            .param(Param.of("_raw_params").str().doc("The file (free form)."))
            .param(Param.of("file").path().doc("The file to load."))
            .param(Param.of("dir").path().doc("A directory whose files are all loaded (each directory's files sorted)."))
            .param(Param.of("name").str().doc("Put the variables under this one name."))
            .param(Param.of("depth").integer().doc("With dir: how many directories of the sorted walk to read (0, the default: all)."))
            .param(Param.of("files_matching").str().doc("With dir: a regex file names must match (searched)."))
            .param(Param.of("ignore_files").list(ParamType.STR).doc("With dir: regexes of file names to skip (matched at the end)."))
            .param(Param.of("extensions").list(ParamType.STR).doc("With dir: extensions to load (default json, yaml, yml)."))
            .param(Param.of("ignore_unknown_extensions").bool().doc("With dir: skip other files silently instead of failing."))
            .param(Param.of("hash_behaviour").str().choices("replace", "merge").doc("merge: merge each loaded dict into the existing variable."))
            .returns("ansible_included_var_files", "the files loaded", "always")
            .example("- ansible.builtin.include_vars: \"{{ ansible_distribution }}.yml\"")
            .performance("no round trip: reads controller files")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        boolean dirArgs = DIR_ARGS.stream().anyMatch(args::has);
        if (dirArgs && FILE_ARGS.stream().anyMatch(args::has)) {
            return ModuleResult.failed("You are mixing file only and dir only arguments, these are incompatible");
        }
        Loaded loaded = new Loaded();
        String error;
        try {
            error = args.has("dir") ? loadDir(args, ctx, loaded) : loadFile(args, ctx, loaded);
        } catch (SourceException e) {
            return ModuleResult.failed(e.render());
        }
        Map<String, Object> vars = loaded.vars;
        if (args.has("name")) vars = new LinkedHashMap<>(Map.of(args.str("name"), vars));
        ModuleResult r = ModuleResult.ok();
        if (error != null) {
            r.put("failed", true).put("message", error);
        } else if ("merge".equals(args.str("hash_behaviour"))) {
            for (Map.Entry<String, Object> en : vars.entrySet()) {
                String k = en.getKey();
                Object old = k.matches("[A-Za-z_][A-Za-z0-9_]*") ? ctx.evaluate(k + " if " + k + " is defined else none") : null;
                if (!(old instanceof Map<?, ?> om && en.getValue() instanceof Map<?, ?> nm)) {
                    return ModuleResult.failed("failed to combine variables, expected dicts but got a '" + typeName(old) + "' and a '"
                            + typeName(en.getValue()) + "'");
                }
                en.setValue(MergeHash.merge(om, nm));
            }
        }
        return r.put("ansible_included_var_files", loaded.files).put("ansible_facts", vars);
    }

    /** The files read so far (their paths) and their variables, later files winning. */
    private static final class Loaded {
        final List<String> files = new ArrayList<>();
        final Map<String, Object> vars = new LinkedHashMap<>();
    }

    private static String loadFile(ModuleArgs args, ModuleContext ctx, Loaded out) {
        String name = args.has("file") && !args.str("file").isEmpty() ? args.str("file") : args.str("_raw_params");
        if (name != null && !args.has("file")) name = name.replaceAll("\n+$", "");
        if (name == null) {
            ctx.warn("Invalid request to find a file that matches a \"null\" value");
            return "Could not find file" + NOT_FOUND_HINT;
        }
        Path p = ctx.findFile(name, "vars");
        if (p == null) return "Could not find or access '" + name + "'" + NOT_FOUND_HINT;
        return load(p, false, args, ctx, out);
    }

    /** Ansible's walk: directories in sorted order (depth counts them), each one's files sorted. */
    private static String loadDir(ModuleArgs args, ModuleContext ctx, Loaded out) {
        String given = args.str("dir");
        Path dir = ctx.findFile(given, "vars");
        if (dir == null) return given + " directory does not exist";
        if (!Files.isDirectory(dir)) return given + " is not a directory";
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(dir)) {
            dirs = s.filter(Files::isDirectory).sorted(java.util.Comparator.comparing(Path::toString)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "cannot read " + dir + ": " + e.getMessage();
        }
        long depth = args.integer("depth", 0);
        Pattern matching = args.has("files_matching") ? Pattern.compile(args.str("files_matching")) : null;
        List<Pattern> ignore = args.strings("ignore_files").stream().map(x -> Pattern.compile(x + "$")).toList();
        boolean skipUnknown = args.bool("ignore_unknown_extensions");
        for (int i = 0; i < dirs.size() && (depth == 0 || i < depth); i++) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dirs.get(i))) {
                files = s.filter(f -> !Files.isDirectory(f)).sorted(java.util.Comparator.comparing(Path::toString)).toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (matching != null && !matching.matcher(n).find()) continue;
                if (ignore.stream().anyMatch(x -> x.matcher(n).find())) continue;
                if (skipUnknown && !validExtension(n, args)) continue;
                String error = load(f, true, args, ctx, out);
                if (error != null) return error;
            }
        }
        return null;
    }

    private static List<String> extensions(ModuleArgs args) {
        return args.has("extensions") ? args.strings("extensions") : EXTENSIONS;
    }

    /** Python's {@code os.path.splitext}: a leading dot does not start an extension. */
    private static boolean validExtension(String name, ModuleArgs args) {
        String stem = name.replaceFirst("^\\.+", "");
        int dot = stem.lastIndexOf('.');
        return extensions(args).contains(dot < 0 ? "" : stem.substring(dot + 1));
    }

    private static String load(Path f, boolean checkExtension, ModuleArgs args, ModuleContext ctx, Loaded out) {
        if (checkExtension && !validExtension(f.getFileName().toString(), args)) {
            return f + " does not have a valid extension: " + String.join(", ", extensions(args));
        }
        Object data = Yaml.load(f, ctx.vault());
        if (data == null) data = Map.of();
        if (!(data instanceof Map<?, ?> m)) return f + " must be stored as a dictionary/hash";
        out.files.add(f.toString());
        m.forEach((k, v) -> out.vars.put(String.valueOf(k), v));
        return null;
    }

    private static String typeName(Object v) {
        return v == null ? "NoneType" : v instanceof Map<?, ?> ? "dict" : v instanceof List<?> ? "list" : v instanceof String ? "str" : v.getClass().getSimpleName();
    }
}
