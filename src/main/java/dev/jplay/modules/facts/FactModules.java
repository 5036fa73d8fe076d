package dev.jplay.modules.facts;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class FactModules {
    private FactModules() {}

    public static List<Module> all() {
        Setup setup = new Setup();
        return List.of(setup, new GatherFacts(setup), new Getent(), new PackageFacts(), new ServiceFacts());
    }
}
