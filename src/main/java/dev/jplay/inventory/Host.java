package dev.jplay.inventory;

import dev.jplay.source.Loc;
import java.util.Map;

/**
 * A host as the inventory defines it. {@code vars} are the host's own inventory variables (inline in INI/YAML),
 * {@code dirVars} those from {@code host_vars/NAME} beside the inventory source; both keep definition order.
 * Group membership lives in {@link Inventory}.
 */
public record Host(String name, Map<String, Object> vars, Map<String, Object> dirVars, Loc loc, String source) {
    /** The short name ({@code inventory_hostname_short}): up to the first dot. */
    public String shortName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
