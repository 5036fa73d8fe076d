package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class CoreModules {
    private CoreModules() {}

    public static List<Module> all() {
        List<Module> all = new java.util.ArrayList<>(List.of(new Debug(), new SetFact(), new Fail(), new Assert(), new Ping(),
                new AddHost(), new GroupBy(), new Pause(), new IncludeVars(), new SetStats(), new WaitForConnection(), new ValidateArgumentSpec()));
        all.addAll(Directive.all());
        return all;
    }
}
