package dev.jplay.template;

import dev.jplay.data.VaultText;
import dev.jplay.source.Decrypter;
import java.util.Set;

/**
 * The variables an expression can see. {@link #get} returns final values (the vars layer has already templated
 * trusted values lazily) or {@link Undefined} for unknown names. Implementations must be cheap to call
 * repeatedly; the evaluator calls {@code get} once per name reference.
 */
public interface Scope {
    Object get(String name);

    /** Known names (for "did you mean" hints and the {@code vars} lookup); may be costly. */
    Set<String> names();

    /** The plain text of an inline {@code !vault} value; the vars layer's scopes know the run's vault secrets. */
    default String decrypt(VaultText value) {
        return Decrypter.NONE.decrypt(value.ciphertext(), value.loc());
    }

    /** A scope over a plain map (tests, ad-hoc evaluation). */
    static Scope of(java.util.Map<String, ?> vars) {
        return new Scope() {
            @Override
            public Object get(String name) {
                return vars.containsKey(name) ? vars.get(name) : Undefined.of(name);
            }

            @Override
            public Set<String> names() {
                return vars.keySet();
            }
        };
    }

    /** {@code this} with {@code overlay} on top (loop variables, template-local vars). */
    default Scope with(java.util.Map<String, ?> overlay) {
        Scope base = this;
        return new Scope() {
            @Override
            public Object get(String name) {
                return overlay.containsKey(name) ? overlay.get(name) : base.get(name);
            }

            @Override
            public String decrypt(VaultText value) {
                return base.decrypt(value);
            }

            @Override
            public Set<String> names() {
                Set<String> s = new java.util.LinkedHashSet<>(base.names());
                s.addAll(overlay.keySet());
                return s;
            }
        };
    }
}
