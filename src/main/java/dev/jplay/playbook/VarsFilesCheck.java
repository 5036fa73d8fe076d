package dev.jplay.playbook;

import dev.jplay.data.Py;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.YamlList;
import dev.jplay.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A play's literal {@code vars_files}, read before any host is contacted (the run reads them again at the start of
 * the play): a file that does not exist when the playbook starts, or that is not a mapping (or a list of mappings),
 * is Ansible's error. Templated names are left to the run.
 */
final class VarsFilesCheck {
    private VarsFilesCheck() {}

    static void check(Map<String, Object> ds, Path dir, Function<Path, Object> yaml) {
        List<Object> entries = Raw.list(ds.get("vars_files"));
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Loc at = ds.get("vars_files") instanceof YamlList yl ? yl.itemLoc(i) : Raw.valueLoc(ds, "vars_files");
            List<Object> choices = Raw.list(entry); // a list entry: the first that exists
            if (choices.stream().anyMatch(Templar::isTemplate)) continue;
            Path found = null;
            for (Object c : choices) {
                Path p = dir.resolve(Py.str(c));
                if (Files.isRegularFile(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                throw new SourceException("vars file " + Py.str(entry) + " was not found", at,
                        "searched: " + String.join(", ", choices.stream().map(c -> dir.resolve(Py.str(c)).toString()).toList()), null, Kind.ERROR);
            }
            Object data = yaml.apply(found);
            boolean ok = data == null || data instanceof Map || (data instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map));
            if (!ok) {
                throw new SourceException("variable files must contain either a dictionary of variables, or a list of dictionaries. Got: "
                        + Py.repr(data) + " (" + Raw.kind(data) + ")", Loc.of(found.toString()), null, null, Kind.ERROR);
            }
        }
    }
}
