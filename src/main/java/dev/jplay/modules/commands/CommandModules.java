package dev.jplay.modules.commands;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class CommandModules {
    private CommandModules() {}

    public static List<Module> all() {
        return List.of(Command.command(), Command.shell(), new Raw(), new Script(), new Expect());
    }
}
