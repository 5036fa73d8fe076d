package dev.jplay.modules.packages;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class PackageModules {
    private PackageModules() {}

    public static List<Module> all() {
        return List.of(new Apt());
    }
}
