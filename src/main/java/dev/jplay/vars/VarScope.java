package dev.jplay.vars;

import dev.jplay.data.VaultText;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.template.Scope;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import dev.jplay.template.TemplateException;
import dev.jplay.template.Undefined;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables one task sees on one host: precedence layers, highest first. A name resolves to the first layer
 * that has it; a trusted value containing a template is rendered with this same scope when read (Ansible's lazy
 * templating), once per scope. Not shared between threads: one scope serves one task on one host.
 */
public final class VarScope implements Scope {
    private static final String LOCALS = "locals";
    private final List<Layer> layers;
    private final Templar templar;
    private final List<Path> searchPaths;
    private final Decrypter vault;
    private final Map<String, Object> memo = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Set<String> reads;

    public VarScope(List<Layer> layers, Templar templar, List<Path> searchPaths, Decrypter vault) {
        this(layers, templar, searchPaths, vault, null);
    }

    private VarScope(List<Layer> layers, Templar templar, List<Path> searchPaths, Decrypter vault, Set<String> reads) {
        this.layers = List.copyOf(layers);
        this.templar = templar;
        this.searchPaths = List.copyOf(searchPaths);
        this.vault = vault;
        this.reads = reads;
    }

    /**
     * This scope noting every name it resolves (also while templating other variables, and in scopes made from it
     * by {@link #with}, except the names those add).
     */
    public VarScope recording() {
        return new VarScope(layers, templar, searchPaths, vault, new HashSet<>());
    }

    /** The names looked up so far (directly or while templating other variables), when {@link #recording()}; else empty. */
    public Set<String> reads() {
        return reads == null ? Set.of() : Set.copyOf(reads);
    }

    @Override
    public Object get(String name) {
        if (memo.containsKey(name)) return memo.get(name);
        for (Layer l : layers) {
            Map<String, ?> m = l.values();
            Object v = m.get(name);
            if (v == null && !m.containsKey(name)) continue;
            if (reads != null && !l.name().equals(LOCALS)) reads.add(name);
            if (v == HostState.NULL) v = null;
            if (v instanceof VaultText vt) v = decrypt(vt);
            if (l.trusted() && Templar.isTemplate(v)) v = resolve(name, v);
            memo.put(name, v);
            return v;
        }
        // Ansible's 'vars' magic variable: the task's variables (not the loop item's locals), unless a variable hides it
        if (name.equals("vars")) return new ScopeMap(withoutLocals());
        return Undefined.of(name);
    }

    private Object resolve(String name, Object raw) {
        if (!resolving.add(name)) {
            throw new TemplateException("recursive loop detected in template string: {{ " + name + " }}", Loc.UNKNOWN,
                    "the variable '" + name + "' refers to itself, directly or through other variables");
        }
        try {
            return templar.template(raw, context());
        } finally {
            resolving.remove(name);
        }
    }

    @Override
    public String decrypt(VaultText value) {
        return vault.decrypt(value.ciphertext(), value.loc());
    }

    /** A template context over this scope (for templating task arguments, conditions, names). */
    public TemplateContext context() {
        return new TemplateContext(this, searchPaths, Loc.UNKNOWN);
    }

    public TemplateContext context(Loc loc) {
        return new TemplateContext(this, searchPaths, loc);
    }

    public Templar templar() {
        return templar;
    }

    public List<Path> searchPaths() {
        return searchPaths;
    }

    /** This scope with untrusted local variables on top (loop items, registered results for changed_when). */
    @Override
    public VarScope with(Map<String, ?> locals) {
        List<Layer> l = new ArrayList<>(layers.size() + 1);
        l.add(Layer.untrusted(LOCALS, locals));
        l.addAll(layers);
        return new VarScope(l, templar, searchPaths, vault, reads);
    }

    private VarScope withoutLocals() {
        List<Layer> l = new ArrayList<>(layers);
        l.removeIf(x -> x.name().equals(LOCALS));
        return l.size() == layers.size() ? this : new VarScope(l, templar, searchPaths, vault, reads);
    }

    /**
     * This scope with {@code values} below every layer: each is seen only where no layer has that name (the
     * connection variables Ansible adds to a task's variables when they are not set).
     */
    public VarScope beneath(String name, Map<String, ?> values) {
        List<Layer> l = new ArrayList<>(layers);
        l.add(Layer.untrusted(name, values));
        return new VarScope(l, templar, searchPaths, vault, reads);
    }

    /** Every name, in the order Ansible's merged variables have them: a name where its lowest layer first defines it. */
    @Override
    public Set<String> names() {
        Set<String> all = new java.util.LinkedHashSet<>();
        for (int i = layers.size() - 1; i >= 0; i--) all.addAll(layers.get(i).values().keySet());
        return all;
    }

    /**
     * Every variable with its final value (for the {@code vars} variable and hostvars dumps). As Ansible templates
     * them (fail_on_undefined=False), a value that uses an undefined variable stays as it was written; one that fails
     * otherwise is undefined with the error as its message.
     */
    public Map<String, Object> resolveAll() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String n : names()) {
            try {
                out.put(n, get(n));
            } catch (TemplateException e) {
                out.put(n, e.isUndefined() ? raw(n) : Undefined.withMessage(e.getMessage()));
            }
        }
        return out;
    }

    /** A variable's value as its highest layer holds it, untemplated. */
    private Object raw(String name) {
        for (Layer l : layers) {
            Map<String, ?> m = l.values();
            if (m.containsKey(name)) return m.get(name) == HostState.NULL ? null : m.get(name);
        }
        return Undefined.of(name);
    }
}
