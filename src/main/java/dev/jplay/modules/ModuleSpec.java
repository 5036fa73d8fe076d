package dev.jplay.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module accepts and returns: the single source for argument validation (before any host is contacted),
 * for {@code jplay doc} and for console completion. {@code freeForm} names the parameter that receives free-form
 * text ({@code command: ls -l} puts {@code "ls -l"} into it; {@code copy: src=a dest=b} is parsed as k=v instead
 * when {@code freeForm} is null). {@code performance} states the round trips per host (shown by {@code jplay doc}).
 */
public record ModuleSpec(String name, List<String> aliases, String shortDescription, String description,
                         List<Param> params, List<List<String>> mutuallyExclusive, List<List<String>> requiredOneOf,
                         List<List<String>> requiredTogether, List<RequiredIf> requiredIf, String freeForm,
                         boolean checkMode, boolean diff, boolean acceptsAnyArgs, List<ReturnValue> returns,
                         String example, String performance) {

    /** {@code requiredIf(state, absent, [path])}: when param {@code key} equals {@code value}, {@code required} must be set. */
    public record RequiredIf(String key, Object value, List<String> required, boolean anyOf) {}

    /** A documented key of the result. */
    public record ReturnValue(String name, String description, String returned) {}

    public Map<String, Param> paramsByName() {
        Map<String, Param> m = new LinkedHashMap<>();
        for (Param p : params) {
            m.put(p.name(), p);
            for (String a : p.aliases()) m.put(a, p);
        }
        return m;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Fluent construction of a spec; {@code fqcn} adds collection spellings such as {@code ansible.builtin.copy}. */
    public static final class Builder {
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String shortDescription = "";
        private String description = "";
        private final List<Param> params = new ArrayList<>();
        private final List<List<String>> mutuallyExclusive = new ArrayList<>();
        private final List<List<String>> requiredOneOf = new ArrayList<>();
        private final List<List<String>> requiredTogether = new ArrayList<>();
        private final List<RequiredIf> requiredIf = new ArrayList<>();
        private String freeForm;
        private boolean checkMode = true;
        private boolean diff;
        private boolean acceptsAnyArgs;
        private final List<ReturnValue> returns = new ArrayList<>();
        private String example = "";
        private String performance = "";

        Builder(String name) {
            this.name = name;
        }

        public Builder fqcn(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        public Builder doc(String shortDesc, String longDesc) {
            shortDescription = shortDesc;
            description = longDesc;
            return this;
        }

        public Builder param(Param.Builder p) {
            params.add(p.build());
            return this;
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        public Builder mutuallyExclusive(String... names) {
            mutuallyExclusive.add(List.of(names));
            return this;
        }

        public Builder requiredOneOf(String... names) {
            requiredOneOf.add(List.of(names));
            return this;
        }

        public Builder requiredTogether(String... names) {
            requiredTogether.add(List.of(names));
            return this;
        }

        public Builder requiredIf(String key, Object value, String... required) {
            requiredIf.add(new RequiredIf(key, value, List.of(required), false));
            return this;
        }

        public Builder requiredIfAny(String key, Object value, String... required) {
            requiredIf.add(new RequiredIf(key, value, List.of(required), true));
            return this;
        }

        public Builder freeForm(String paramName) {
            freeForm = paramName;
            return this;
        }

        public Builder checkMode(boolean supported) {
            checkMode = supported;
            return this;
        }

        public Builder diff(boolean supported) {
            diff = supported;
            return this;
        }

        /** For modules like {@code set_fact} whose parameters are free names. */
        public Builder acceptsAnyArgs() {
            acceptsAnyArgs = true;
            return this;
        }

        public Builder returns(String key, String desc, String returned) {
            returns.add(new ReturnValue(key, desc, returned));
            return this;
        }

        public Builder example(String yaml) {
            example = yaml;
            return this;
        }

        public Builder performance(String text) {
            performance = text;
            return this;
        }

        public ModuleSpec build() {
            return new ModuleSpec(name, List.copyOf(aliases), shortDescription, description, List.copyOf(params),
                    List.copyOf(mutuallyExclusive), List.copyOf(requiredOneOf), List.copyOf(requiredTogether),
                    List.copyOf(requiredIf), freeForm, checkMode, diff, acceptsAnyArgs, List.copyOf(returns), example, performance);
        }
    }
}
