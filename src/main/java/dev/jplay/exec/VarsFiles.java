package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.playbook.Play;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
import dev.jplay.vars.PlayVars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's {@code vars_files}, loaded per host (paths may use host variables): each entry a file, or a list of
 * candidates of which the first existing one is loaded. Paths are relative to the playbook's directory.
 */
final class VarsFiles {
    private VarsFiles() {}

    static void load(Engine e, Play play, PlayVars pv, List<String> hosts) {
        if (play.varsFiles().isEmpty()) return;
        for (String host : hosts) {
            var scope = pv.scope(host, null, List.of(play.dir()));
            Map<String, Object> vars = new LinkedHashMap<>();
            for (Object entry : play.varsFiles()) {
                List<?> candidates = entry instanceof List<?> l ? l : List.of(entry);
                Path found = null;
                for (Object c : candidates) {
                    Path p = play.dir().resolve(Py.str(e.templar().template(c, scope.context(play.loc()))));
                    if (Files.isRegularFile(p)) {
                        found = p;
                        break;
                    }
                }
                if (found == null) {
                    throw new SourceException("vars file " + Py.str(entry) + " was not found", play.loc(),
                            "paths are relative to " + play.dir());
                }
                Object data = Yaml.load(found, pv.run().vault());
                if (data == null) continue;
                if (!(data instanceof Map<?, ?> m)) throw new SourceException("a vars file must be a mapping", Loc.of(found.toString()));
                m.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            pv.setVarsFiles(host, vars);
        }
    }
}
