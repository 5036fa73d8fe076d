package dev.jplay.modules.packages;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class PackageModules {
    private PackageModules() {}

    public static List<Module> all() {
        Apt apt = new Apt();
        return List.of(apt, new Package(apt), new DpkgSelections(), new AptRepository(), new Deb822Repository(), new AptKey(), new Pip(), new Debconf(),
                new RpmKey());
    }
}
