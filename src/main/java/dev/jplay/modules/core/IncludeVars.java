package dev.jplay.modules.core;

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
import java.util.stream.Stream;

/**
 * {@code include_vars}: loads variables from YAML/JSON files on the controller (a file, or a directory tree).
 * Returns them under {@code ansible_facts}; the executor keeps them at include_vars precedence.
 */
public final class IncludeVars implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("include_vars")
            .doc("Load variables from files, dynamically within a task", "Reads a vars file (searched in the role's vars/, "
                    + "the task file's directory and the playbook directory) or every matching file of a directory.")
            .freeForm("_raw_params")
            .param(Param.of("_raw_params").str().doc("The file (free form)."))
            .param(Param.of("file").path().doc("The file to load."))
            .param(Param.of("dir").path().doc("A directory whose files are all loaded (sorted)."))
            .param(Param.of("name").str().doc("Put the variables under this one name."))
            .param(Param.of("depth").integer().def(0L).doc("With dir: how deep to descend (0 = unlimited)."))
            .param(Param.of("files_matching").str().doc("With dir: a regex file names must match."))
            .param(Param.of("ignore_files").list(ParamType.STR).doc("With dir: file names to skip."))
            .param(Param.of("extensions").list(ParamType.STR).def(List.of("json", "yaml", "yml")).doc("With dir: extensions to load."))
            .param(Param.of("ignore_unknown_extensions").bool().def(false).doc("With dir: skip other files silently."))
            .param(Param.of("hash_behaviour").str().choices("replace", "merge").doc("How to merge files' dicts."))
            .mutuallyExclusive("file", "dir")
            .returns("ansible_included_var_files", "the files loaded", "success")
            .example("- ansible.builtin.include_vars: \"{{ ansible_distribution }}.yml\"")
            .performance("no round trip: reads controller files")
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) {
        List<Path> files = new ArrayList<>();
        if (args.has("dir")) {
            Path dir = ctx.findFile(args.str("dir"), "vars");
            if (dir == null || !Files.isDirectory(dir)) return ModuleResult.failed(args.str("dir") + " directory does not exist");
            try (Stream<Path> s = args.integer("depth", 0) > 0 ? Files.walk(dir, (int) args.integer("depth", 0)) : Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                return ModuleResult.failed("cannot read " + dir + ": " + e.getMessage());
            }
            List<String> exts = args.strings("extensions");
            List<String> ignore = args.strings("ignore_files");
            files.removeIf(p -> {
                String n = p.getFileName().toString();
                String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
                return ignore.contains(n) || !exts.contains(ext)
                        || (args.has("files_matching") && !n.matches(".*(" + args.str("files_matching") + ").*"));
            });
        } else {
            String name = args.has("file") ? args.str("file") : args.str("_raw_params");
            if (name == null) return ModuleResult.failed("a file or dir is required");
            Path p = ctx.findFile(name.strip(), "vars");
            if (p == null) return ModuleResult.failed("Could not find or access '" + name + "' on the Ansible Controller.");
            files.add(p);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Path f : files) {
            Object data;
            try {
                data = Yaml.load(f, ctx.vault());
            } catch (SourceException e) {
                return ModuleResult.failed(e.render());
            }
            if (data == null) continue;
            if (!(data instanceof Map<?, ?> m)) return ModuleResult.failed(f + " must be stored as a dictionary/hash");
            m.forEach((k, v) -> vars.put(String.valueOf(k), v));
        }
        Map<String, Object> facts = args.has("name") ? new LinkedHashMap<>(Map.of(args.str("name"), vars)) : vars;
        return ModuleResult.ok().put("ansible_facts", facts)
                .put("ansible_included_var_files", files.stream().map(Path::toString).toList());
    }
}
