package dev.jplay.inventory;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code group_vars/} and {@code host_vars/} directories, beside an inventory source or a playbook: for a name,
 * the file {@code NAME}, {@code NAME.yml}, {@code NAME.yaml} or {@code NAME.json}, or every such file inside a
 * directory {@code NAME/} (sorted by name, merged in order).
 */
public final class VarsDir {
    private VarsDir() {}

    /** Vars for {@code name} under {@code dir} (e.g. {@code dir=/p/group_vars}, {@code name=web}); empty when none. */
    public static Map<String, Object> load(Path dir, String name) {
        throw new UnsupportedOperationException("inventory not built yet");
    }
}
