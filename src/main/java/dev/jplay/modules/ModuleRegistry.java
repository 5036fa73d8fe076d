package dev.jplay.modules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import dev.jplay.source.Suggest;

/**
 * All modules a run can use, by every name they answer to: the short name, their FQCN spellings
 * ({@code ansible.builtin.copy}, {@code ansible.legacy.copy}, {@code community.general.modprobe}) and
 * external modules found in module directories. Built once per run; immutable afterwards.
 */
public final class ModuleRegistry {
    private final Map<String, Module> byName = new LinkedHashMap<>();
    private final Map<String, Module> primary = new TreeMap<>();
    private final Fallback fallback;
    private final Set<String> forced;
    private final Predicate<String> elsewhere;
    /** Names as written that resolve to nothing (Ansible's plugin filter, module_blacklist). */
    private final Set<String> filtered;

    /** Modules found on demand by name (Ansible Python modules in collections and ansible-core), or null. */
    public interface Fallback {
        Module find(String name);
    }

    public ModuleRegistry(Collection<? extends Module> modules) {
        this(modules, null, Set.of());
    }

    /**
     * @param fallback asked for names no module here answers to
     * @param forced names (as written in tasks) that go to the fallback first even where a module here answers
     */
    public ModuleRegistry(Collection<? extends Module> modules, Fallback fallback, Set<String> forced) {
        this(modules, fallback, forced, name -> true);
    }

    private ModuleRegistry(Collection<? extends Module> modules, Fallback fallback, Set<String> forced,
                           Predicate<String> elsewhere) {
        this(modules, fallback, forced, elsewhere, Set.of());
    }

    private ModuleRegistry(Collection<? extends Module> modules, Fallback fallback, Set<String> forced,
                           Predicate<String> elsewhere, Set<String> filtered) {
        this.filtered = Set.copyOf(filtered);
        this.fallback = fallback;
        this.forced = Set.copyOf(forced);
        this.elsewhere = elsewhere;
        for (Module m : modules) add(m);
    }

    private void add(Module m) {
        ModuleSpec s = m.spec();
        primary.put(s.name(), m);
        byName.put(s.name(), m);
        byName.putIfAbsent("ansible.builtin." + s.name(), m);
        byName.putIfAbsent("ansible.legacy." + s.name(), m);
        for (String a : s.aliases()) byName.put(a, m);
    }

    /** A registry with extra modules added (external ones win over built-ins of the same name, as in Ansible). */
    public ModuleRegistry with(Collection<? extends Module> extra) {
        List<Module> all = new ArrayList<>(primary.values());
        all.removeIf(m -> extra.stream().anyMatch(x -> x.spec().name().equals(m.spec().name())));
        all.addAll(extra);
        return new ModuleRegistry(all, fallback, forced, elsewhere, filtered);
    }

    /** This registry asking {@code f} for names it does not know, and first for the {@code forcedNames}. */
    public ModuleRegistry withFallback(Fallback f, Set<String> forcedNames) {
        return new ModuleRegistry(primary.values(), f, forcedNames, elsewhere, filtered);
    }

    /**
     * This registry knowing which names Ansible resolves although no module here answers to them ({@code resolves}:
     * its modules and action plugins jplay lacks). Without it, every unknown name may be one Ansible resolves.
     */
    public ModuleRegistry withAnsibleNames(Predicate<String> resolves) {
        return new ModuleRegistry(primary.values(), fallback, forced, resolves, filtered);
    }

    /**
     * This registry resolving none of {@code names} as written (Ansible's plugin filter file, {@code
     * module_blacklist}): {@code copy} is then unknown while {@code ansible.builtin.copy} still resolves, as in Ansible.
     */
    public ModuleRegistry withFilter(Set<String> names) {
        return new ModuleRegistry(primary.values(), fallback, forced, elsewhere, names);
    }

    /**
     * Would ansible-playbook resolve this action name (a module or action plugin, maybe one jplay lacks)? False only
     * when it certainly would not: its load error "couldn't resolve module/action".
     */
    public boolean ansibleResolves(String name) {
        return knows(name) || !filtered.contains(name) && elsewhere.test(name);
    }

    /** The module for a name as written in a task, or null. */
    public Module find(String name) {
        if (filtered.contains(name)) return null;
        if (fallback != null && forced.contains(name)) {
            Module m = fallback.find(name);
            if (m != null) return m;
        }
        Module m = byName.get(name);
        return m != null || fallback == null ? m : fallback.find(name);
    }

    /** Is this a name of a known module (any spelling)? */
    public boolean knows(String name) {
        return find(name) != null;
    }

    /** Is this name answered by a built-in or drop-in module (not found on demand)? */
    public boolean isBuiltin(String name) {
        return byName.containsKey(name) && !(fallback != null && forced.contains(name));
    }

    /** Modules by their short names, sorted. */
    public Collection<Module> modules() {
        return primary.values();
    }

    /** Every name a module answers to. */
    public Collection<String> allNames() {
        return byName.keySet();
    }

    /** Up to three known names closest to {@code name}, for "did you mean". */
    public List<String> suggest(String name) {
        String shortName = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return Suggest.ranked(shortName, primary.keySet(), 3);
    }

    /** Sorted for listings. */
    public static final Comparator<Module> BY_NAME = Comparator.comparing(m -> m.spec().name());
}
