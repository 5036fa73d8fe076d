package dev.jplay.modules;

/** Argument types as Ansible's argument_spec names them; conversion follows Ansible's rules (see {@link ArgConverter}). */
public enum ParamType {
    STR, BOOL, INT, FLOAT, PATH, LIST, DICT, RAW, JSONARG;

    public String ansibleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
