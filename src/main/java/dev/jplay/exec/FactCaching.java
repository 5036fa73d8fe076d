package dev.jplay.exec;

import dev.jplay.inventory.Host;
import dev.jplay.inventory.Inventory;
import dev.jplay.vars.RunVars;
import java.util.List;
import java.util.Map;

/** At the start of a run: {@code --flush-cache}, then every inventory host's cached facts loaded as its facts. */
final class FactCaching {
    private FactCaching() {}

    static void start(RunOptions options, Inventory inventory, RunVars vars) {
        FactCache cache = options.facts().cache();
        if (!cache.persistent()) return;
        List<String> hosts = inventory.hosts().stream().map(Host::name).toList();
        if (options.facts().flushCache()) cache.flush(hosts);
        for (String h : hosts) {
            Map<String, Object> facts = cache.load(h);
            if (!facts.isEmpty()) vars.state(h).addFacts(facts);
        }
    }
}
