package dev.jplay.playbook;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.YamlMap;
import dev.jplay.template.Templar;

/** The checks {@code set_fact} makes when it runs, made while loading: names, at least one, {@code cacheable}. */
final class SetFactCheck {
    private SetFactCheck() {}

    static SourceException check(TaskParser.Action a) {
        int names = 0;
        for (var e : a.args().entrySet()) {
            String k = e.getKey();
            Loc at = YamlMap.locOf(a.located(), k, a.loc());
            if (k.equals("cacheable")) {
                if (e.getValue() != null && !Templar.isTemplate(e.getValue()) && !KeywordValues.isBool(e.getValue())) {
                    return new SourceException("cacheable: the value '" + e.getValue() + "' is not a valid boolean", at, "use true or false",
                            null, Kind.TASK);
                }
                continue;
            }
            names++;
            if (!Templar.isTemplate(k) && !Raw.isVariableName(k)) {
                return new SourceException("The variable name '" + k + "' is not valid. Variables must start with a letter or underscore "
                        + "character, and contain only letters, numbers and underscores.", at, "e.g.  my_fact", null, Kind.TASK);
            }
        }
        if (names == 0) {
            return new SourceException("No key/value pairs provided, at least one is required for this action to succeed", a.loc(),
                    "e.g.  set_fact: name=value", null, Kind.TASK);
        }
        return null;
    }
}
