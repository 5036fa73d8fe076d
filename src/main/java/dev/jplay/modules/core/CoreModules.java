package dev.jplay.modules.core;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class CoreModules {
    private CoreModules() {}

    public static List<Module> all() {
        return List.of();
    }
}
