package dev.jplay.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The connection types jplay implements, by every name a playbook may give them ({@code ansible_connection},
 * the {@code connection} keyword, {@code -c}). Immutable. Static validation asks {@link #isKnown} and prints
 * {@link #known()}; the executor resolves through {@link #find}.
 */
public final class ConnectionTypes {
    private static final List<ConnectionType> TYPES = List.of(new SshType(), new LocalType(), new ChrootType());
    private static final Map<String, ConnectionType> BY_NAME = index();

    private ConnectionTypes() {}

    private static Map<String, ConnectionType> index() {
        Map<String, ConnectionType> m = new LinkedHashMap<>();
        for (ConnectionType t : TYPES) {
            m.put(t.name(), t);
            for (String a : t.aliases()) m.put(a, t);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The type called {@code name} (any of its names); empty when jplay has none by that name. */
    public static Optional<ConnectionType> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Is {@code name} one of the names of a type jplay implements? */
    public static boolean isKnown(String name) {
        return find(name).isPresent();
    }

    /** Every name a type can be given, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(BY_NAME.keySet()));
    }

    /** The types in one line for messages: {@code ssh (also smart, paramiko, ...), local, chroot (also ...)}. */
    public static String known() {
        return TYPES.stream()
                .map(t -> t.aliases().isEmpty() ? t.name() : t.name() + " (also " + String.join(", ", t.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Ansible's message for a type nobody has, followed by the types jplay knows. */
    public static String unknown(String name) {
        return "the connection plugin '" + name + "' was not found; jplay connects with: " + known();
    }
}
