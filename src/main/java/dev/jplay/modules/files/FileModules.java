package dev.jplay.modules.files;

import dev.jplay.modules.Module;
import java.util.List;

/** The modules of this group, for {@link dev.jplay.modules.BuiltinModules}. */
public final class FileModules {
    private FileModules() {}

    public static List<Module> all() {
        return List.of(new Copy(), new Template(), new FileModule(), new Stat(), new LineInFile(), new BlockInFile(), new Replace(),
                new Slurp(), new Fetch(), new TempFile(), new Find(), new GetUrl(), new Unarchive(), new Assemble(), new YumRepository());
    }
}
