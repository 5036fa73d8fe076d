package dev.jplay.modules;

import java.util.ArrayList;
import java.util.List;

/** Every built-in module, gathered from the module groups. */
public final class BuiltinModules {
    private BuiltinModules() {}

    public static List<Module> all() {
        List<Module> all = new ArrayList<>();
        all.addAll(dev.jplay.modules.core.CoreModules.all());
        all.addAll(dev.jplay.modules.files.FileModules.all());
        all.addAll(dev.jplay.modules.commands.CommandModules.all());
        all.addAll(dev.jplay.modules.packages.PackageModules.all());
        all.addAll(dev.jplay.modules.system.SystemModules.all());
        all.addAll(dev.jplay.modules.facts.FactModules.all());
        all.add(new dev.jplay.modules.jobs.AsyncStatus());
        all.add(new dev.jplay.modules.vcs.Git());
        all.add(new dev.jplay.modules.vcs.Subversion());
        return all;
    }
}
