package dev.jplay.modules;

import java.util.List;

/**
 * One module parameter. {@code templated=false} marks parameters whose values are expressions evaluated by the
 * module itself (e.g. {@code assert.that}, {@code debug.var}) and must not be templated before the call.
 * {@code noLog} values are masked in output. {@code keepsNull}: an explicit {@code null} stays null instead of taking
 * the default (Ansible keeps a given None; e.g. expect's {@code timeout: null} means no timeout).
 */
public record Param(String name, ParamType type, boolean required, Object defaultValue, List<Object> choices,
                    List<String> aliases, ParamType elements, String description, boolean templated, boolean noLog,
                    boolean keepsNull) {
    public Param {
        choices = choices == null ? List.of() : List.copyOf(choices);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        description = description == null ? "" : description;
    }

    public static Param.Builder of(String name) {
        return new Builder(name);
    }

    /** Fluent construction: {@code Param.of("mode").type(RAW).doc("...")}. */
    public static final class Builder {
        private final String name;
        private ParamType type = ParamType.STR;
        private boolean required;
        private Object def;
        private List<Object> choices = List.of();
        private List<String> aliases = List.of();
        private ParamType elements;
        private String doc = "";
        private boolean templated = true;
        private boolean noLog;
        private boolean keepsNull;

        Builder(String name) {
            this.name = name;
        }

        public Builder type(ParamType t) {
            type = t;
            return this;
        }

        public Builder str() {
            return type(ParamType.STR);
        }

        public Builder bool() {
            return type(ParamType.BOOL);
        }

        public Builder integer() {
            return type(ParamType.INT);
        }

        public Builder path() {
            return type(ParamType.PATH);
        }

        public Builder raw() {
            return type(ParamType.RAW);
        }

        public Builder dict() {
            return type(ParamType.DICT);
        }

        public Builder list(ParamType elementType) {
            type = ParamType.LIST;
            elements = elementType;
            return this;
        }

        public Builder required() {
            required = true;
            return this;
        }

        public Builder def(Object value) {
            def = value;
            return this;
        }

        public Builder choices(Object... values) {
            choices = List.of(values);
            return this;
        }

        public Builder aliases(String... names) {
            aliases = List.of(names);
            return this;
        }

        public Builder doc(String text) {
            doc = text;
            return this;
        }

        public Builder notTemplated() {
            templated = false;
            return this;
        }

        public Builder noLog() {
            noLog = true;
            return this;
        }

        /** An explicit {@code null} is kept, not replaced by the default. */
        public Builder keepsNull() {
            keepsNull = true;
            return this;
        }

        public Param build() {
            return new Param(name, type, required, def, choices, aliases, elements, doc, templated, noLog, keepsNull);
        }
    }
}
