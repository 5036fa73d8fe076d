package dev.jplay.modules.facts;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code getent}: a name service database (or one key of it) as the {@code getent_<database>} fact. */
public final class Getent implements Module {
    private static final Set<String> COLON = Set.of("passwd", "shadow", "group", "gshadow");
    private static final ModuleSpec SPEC = ModuleSpec.builder("getent")
            .doc("A wrapper to the unix getent utility", "Runs getent on the host and returns the entries as the fact getent_<database>: "
                    + "each key with the remaining fields as a list (a list of such lists when a key repeats).")
            .param(Param.of("database").str().required().doc("passwd, group, hosts, services, shadow ..."))
            .param(Param.of("key").str().doc("Only this key."))
            .param(Param.of("service").str().doc("Use this NSS service (getent -s)."))
            .param(Param.of("split").str().doc("Field separator; ':' for passwd, shadow, group, gshadow, else whitespace."))
            .param(Param.of("fail_key").bool().def(true).doc("Fail when the key is not found."))
            .returns("ansible_facts", "getent_<database>", "always")
            .example("- ansible.builtin.getent:\n    database: passwd\n    key: root")
            .performance("1 round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String db = a.str("database");
        StringBuilder cmd = new StringBuilder("getent");
        if (a.has("service")) cmd.append(" -s ").append(ShellCommand.quote(a.str("service")));
        cmd.append(' ').append(ShellCommand.quote(db));
        if (a.has("key")) cmd.append(' ').append(ShellCommand.quote(a.str("key")));
        ExecResult r = ctx.sh(cmd.toString());
        String split = a.has("split") ? a.str("split") : COLON.contains(db) ? ":" : null;
        Map<String, Object> tree = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        if (r.rc() == 0 || r.rc() == 2) {
            for (String line : r.out().split("\n")) {
                if (line.isEmpty()) continue;
                List<String> rec = split == null ? List.of(line.strip().split("\\s+")) : List.of(line.split(java.util.regex.Pattern.quote(split), -1));
                List<Object> rest = new ArrayList<>(rec.subList(1, rec.size()));
                String key = rec.get(0);
                if (seen.containsKey(key)) {
                    if (seen.get(key) == 1) tree.put(key, new ArrayList<>(List.of(tree.get(key))));
                    @SuppressWarnings("unchecked")
                    List<Object> l = (List<Object>) tree.get(key);
                    l.add(rest);
                    seen.merge(key, 1, Integer::sum);
                } else {
                    tree.put(key, rest);
                    seen.put(key, 1);
                }
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("getent_" + db, tree);
        return switch (r.rc()) {
            case 0 -> ModuleResult.ok().put("ansible_facts", facts);
            case 1 -> ModuleResult.failed("Missing arguments, or database unknown.");
            case 2 -> a.bool("fail_key") ? ModuleResult.failed("One or more supplied key could not be found in the database.")
                    : ModuleResult.ok().put("ansible_facts", facts).put("msg", "One or more supplied key could not be found in the database.");
            case 3 -> ModuleResult.failed("Enumeration not supported on this database.");
            default -> ModuleResult.failed("Unexpected failure!").put("rc", (long) r.rc()).put("stderr", r.err());
        };
    }
}
